namespace AuthClient.Errors;

/// <summary>Weavr answered 410 (or 404) with a token error: <c>TOKEN_EXPIRED</c> or <c>TOKEN_NOT_FOUND</c>.</summary>
public sealed class WeavrTokenException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrTokenException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrTokenException(ApiErrorDetails details)
        : base(details)
    {
    }

    /// <summary>Gets a value indicating whether the token expired (as opposed to not being found).</summary>
    public bool IsExpired => ErrorCode == WeavrErrorCodes.TokenExpired;
}
