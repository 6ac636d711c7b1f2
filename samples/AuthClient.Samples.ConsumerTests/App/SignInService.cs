using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>
/// Application code under test: signs a user in with Weavr (password → identity → ACCESS token) and turns the SDK's
/// outcomes and exceptions into <see cref="SignInResult"/>s. It depends only on <see cref="IWeavrAuthClient"/>.
/// </summary>
/// <param name="weavr">The SDK client (registered by <c>services.AddAuthClient(...)</c>).</param>
public sealed class SignInService(IWeavrAuthClient weavr)
{
    /// <summary>Signs in and opens a session on the preferred identity type, else on the first identity.</summary>
    /// <param name="email">The e-mail.</param>
    /// <param name="password">The password.</param>
    /// <param name="preferred">The identity type to prefer, e.g. <see cref="IdentityType.Corporate"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The result.</returns>
    public async Task<SignInResult> SignInAsync(string email, string password, IdentityType? preferred = null, CancellationToken cancellationToken = default)
    {
        PasswordLoginResult login;
        try
        {
            login = (await weavr.LoginWithPasswordAsync(email, password, cancellationToken)).Value;
        }
        catch (WeavrForbiddenException e)
        {
            // 403 on a login: wrong e-mail or password (Weavr does not say which).
            return new SignInResult { Status = SignInStatus.InvalidCredentials, SupportRef = e.RequestRef };
        }
        catch (WeavrLockedException e)
        {
            return new SignInResult { Status = SignInStatus.Locked, RetryAfter = e.LockDuration, SupportRef = e.RequestRef };
        }

        // An expired password is an outcome, not an exception: the token only works for /passwords/update.
        return login.Outcome == PasswordLoginOutcome.PasswordExpired
            ? new SignInResult { Status = SignInStatus.PasswordChangeRequired, TemporaryToken = login.Token }
            : await OpenSessionAsync(login.Token, preferred, cancellationToken);
    }

    /// <summary>Sets a new password with the temporary token of an expired-password sign-in, then opens a session.</summary>
    /// <param name="temporaryToken">The token from <see cref="SignInResult.TemporaryToken"/>.</param>
    /// <param name="oldPassword">The expired password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The result.</returns>
    public async Task<SignInResult> ChangeExpiredPasswordAsync(Secret temporaryToken, string oldPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        PasswordUpdateResponse updated;
        try
        {
            updated = (await weavr.UpdatePasswordAsync(oldPassword, newPassword, WeavrCallOptions.WithToken(temporaryToken), cancellationToken)).Value;
        }
        catch (WeavrConflictException e)
        {
            // PASSWORD_TOO_SIMPLE, PASSWORD_ALREADY_USED, PASSWORD_INCORRECT, ...
            return new SignInResult { Status = SignInStatus.PasswordRejected, Reason = e.ErrorCode, SupportRef = e.RequestRef };
        }

        return await OpenSessionAsync(updated.Token, preferred: null, cancellationToken);
    }

    private async Task<SignInResult> OpenSessionAsync(Secret authToken, IdentityType? preferred, CancellationToken cancellationToken)
    {
        var auth = WeavrCallOptions.WithToken(authToken);
        var identities = (await weavr.GetIdentitiesAsync(options: auth, cancellationToken: cancellationToken)).Value.Identities;
        var identity = identities.FirstOrDefault(i => i.Id.Type == preferred) ?? identities.FirstOrDefault();
        if (identity is null)
        {
            return new SignInResult { Status = SignInStatus.NoIdentity };
        }

        var access = (await weavr.RequestAccessTokenAsync(identity.Id, auth, cancellationToken)).Value;
        var session = new UserSession(identity.Id, identity.Name, access.Token, access.Status == AccessTokenStatus.SteppedUp);
        return new SignInResult { Status = SignInStatus.SignedIn, Session = session };
    }
}
