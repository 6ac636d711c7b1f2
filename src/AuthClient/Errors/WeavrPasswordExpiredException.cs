using AuthClient.Primitives;

namespace AuthClient.Errors;

/// <summary>
/// <c>POST /login_with_password</c> answered 409: the password has expired. <see cref="TemporaryToken"/> is valid
/// solely for <c>POST /passwords/update</c>. <see cref="Weavr.IWeavrAuthClient"/> turns this into a
/// password-expired login outcome instead of throwing.
/// </summary>
public sealed class WeavrPasswordExpiredException : WeavrConflictException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrPasswordExpiredException"/> class.</summary>
    /// <param name="details">What the server answered (the body is not kept: it holds the token).</param>
    /// <param name="temporaryToken">The temporary token.</param>
    public WeavrPasswordExpiredException(ApiErrorDetails details, Secret temporaryToken)
        : base(details)
    {
        ArgumentNullException.ThrowIfNull(temporaryToken);
        TemporaryToken = temporaryToken;
    }

    /// <summary>Gets the temporary token for <c>POST /passwords/update</c>.</summary>
    public Secret TemporaryToken { get; }
}
