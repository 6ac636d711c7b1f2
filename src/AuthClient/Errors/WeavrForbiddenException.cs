namespace AuthClient.Errors;

/// <summary>
/// Weavr answered 403. <see cref="AuthClientApiException.ErrorCode"/> says why when the server says: read from
/// <c>errorCode</c>, falling back to <c>message</c> (<c>STEP_UP_REQUIRED</c>, <c>ACCESS_TOKEN_REQUIRED</c>,
/// <c>INSUFFICIENT_PERMISSIONS</c>). With no body it means wrong credentials or a token not valid here.
/// </summary>
public sealed class WeavrForbiddenException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrForbiddenException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrForbiddenException(ApiErrorDetails details)
        : base(details)
    {
    }

    /// <summary>Gets a value indicating whether the call needs a stepped-up token.</summary>
    public bool IsStepUpRequired => ErrorCode == WeavrErrorCodes.StepUpRequired;

    /// <summary>Gets a value indicating whether the call needs an ACCESS token (an AUTH token was sent).</summary>
    public bool IsAccessTokenRequired => ErrorCode == WeavrErrorCodes.AccessTokenRequired;

    /// <summary>Gets a value indicating whether the credential lacks the permission.</summary>
    public bool IsInsufficientPermissions => ErrorCode == WeavrErrorCodes.InsufficientPermissions;
}
