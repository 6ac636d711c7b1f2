namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>How a sign-in ended, as the application's UI needs to know it.</summary>
public enum SignInStatus
{
    /// <summary>Signed in: <see cref="SignInResult.Session"/> holds the ACCESS token.</summary>
    SignedIn,

    /// <summary>The password has expired: ask for a new one and call <see cref="SignInService.ChangeExpiredPasswordAsync"/>.</summary>
    PasswordChangeRequired,

    /// <summary>The new password was refused (see <see cref="SignInResult.Reason"/>).</summary>
    PasswordRejected,

    /// <summary>Wrong e-mail or password.</summary>
    InvalidCredentials,

    /// <summary>Too many failed attempts: try again after <see cref="SignInResult.RetryAfter"/>.</summary>
    Locked,

    /// <summary>The user has no identity to act as.</summary>
    NoIdentity,
}
