namespace AuthClient.Errors;

/// <summary>Weavr answered with an error status not covered by a more specific exception (the documented default <c>{ code, message }</c>).</summary>
public class WeavrApiException : AuthClientApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrApiException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrApiException(ApiErrorDetails details)
        : base(details)
    {
    }
}
