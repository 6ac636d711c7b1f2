using AuthClient.Primitives;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>The application's answer to a sign-in: no SDK type or exception leaks to the UI.</summary>
public sealed record SignInResult
{
    /// <summary>Gets how the sign-in ended.</summary>
    public required SignInStatus Status { get; init; }

    /// <summary>Gets the session, when <see cref="SignInStatus.SignedIn"/>.</summary>
    public UserSession? Session { get; init; }

    /// <summary>Gets the temporary token for the password change, when <see cref="SignInStatus.PasswordChangeRequired"/>.</summary>
    public Secret? TemporaryToken { get; init; }

    /// <summary>Gets how long to wait, when <see cref="SignInStatus.Locked"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets why the new password was refused (a Weavr error code), when <see cref="SignInStatus.PasswordRejected"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the Weavr <c>request-ref</c> to show to support, for failures.</summary>
    public string? SupportRef { get; init; }
}
