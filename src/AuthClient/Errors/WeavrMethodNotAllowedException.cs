namespace AuthClient.Errors;

/// <summary>Weavr answered 405: the request was rejected for this resource.</summary>
public sealed class WeavrMethodNotAllowedException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrMethodNotAllowedException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrMethodNotAllowedException(ApiErrorDetails details)
        : base(details)
    {
    }
}
