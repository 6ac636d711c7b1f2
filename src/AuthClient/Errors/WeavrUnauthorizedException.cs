namespace AuthClient.Errors;

/// <summary>Weavr answered 401: the api key, or the token, is invalid or has expired (tokens expire 5 minutes after their last use).</summary>
public sealed class WeavrUnauthorizedException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrUnauthorizedException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrUnauthorizedException(ApiErrorDetails details)
        : base(details)
    {
    }
}
