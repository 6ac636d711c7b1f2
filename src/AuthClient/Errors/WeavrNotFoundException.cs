namespace AuthClient.Errors;

/// <summary>Weavr answered 404 with a resource error (<c>{ code, message }</c>).</summary>
public sealed class WeavrNotFoundException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrNotFoundException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrNotFoundException(ApiErrorDetails details)
        : base(details)
    {
    }
}
