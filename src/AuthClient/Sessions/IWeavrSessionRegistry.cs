using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// The sessions of many end-users, keyed by your application's own user key (e.g. your user id). Sessions live in
/// this process and are mirrored to the registered <see cref="IWeavrSessionStore"/> after every change, so they can be
/// resumed after a restart or by another instance. Registered as a singleton by <c>AddSessions</c>.
/// </summary>
public interface IWeavrSessionRegistry
{
    /// <summary>Finds a user's session: in this process, else in the store. Expired sessions are returned too (check <see cref="IWeavrSession.State"/>).</summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The session, or <see langword="null"/> when the user has none (never signed in, logged out, or removed).</returns>
    /// <exception cref="WeavrSessionStoreException">The store could not be read (e.g. Redis is unreachable).</exception>
    ValueTask<IWeavrSession?> FindAsync(string userKey, CancellationToken cancellationToken = default);

    /// <summary>Finds a user's session, or creates an <see cref="WeavrSessionState.Anonymous"/> one.</summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The session.</returns>
    ValueTask<IWeavrSession> GetOrCreateAsync(string userKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs a user in with e-mail and password (see <see cref="IWeavrSession.SignInWithPasswordAsync"/>): with one
    /// identity the session comes back in <see cref="WeavrSessionState.Access"/>.
    /// </summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="email">The user's e-mail address.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The session, in <see cref="WeavrSessionState.Access"/>, <see cref="WeavrSessionState.SteppedUp"/>,
    /// <see cref="WeavrSessionState.Authenticated"/> (choose an identity) or <see cref="WeavrSessionState.PasswordExpired"/>.</returns>
    /// <exception cref="WeavrSessionLockedException">The account is locked.</exception>
    /// <exception cref="Errors.WeavrForbiddenException">The credentials are wrong.</exception>
    Task<IWeavrSession> SignInWithPasswordAsync(string userKey, string email, string password, CancellationToken cancellationToken = default);

    /// <summary>Signs a user in via biometrics (see <see cref="IWeavrSession.SignInWithBiometricsAsync"/>).</summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="email">The e-mail used when enrolling biometrics.</param>
    /// <param name="identity">The identity to sign in to, for users with several.</param>
    /// <param name="timeout">How long to wait for the user; default <see cref="WeavrSessionOptions.PushTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The outcome and the session.</returns>
    Task<BiometricSignInResult> SignInWithBiometricsAsync(string userKey, string email, IdentityId? identity = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Signs a user in with a one-time token (see <see cref="IWeavrSession.SignInWithOneTimeTokenAsync"/>): an ACCESS session.</summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="email">The user's e-mail address (kept to match a <c>user_deactivated</c> webhook).</param>
    /// <param name="identity">The identity the token was issued for.</param>
    /// <param name="oneTimeToken">The one-time token (never logged; works once).</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The session, in <see cref="WeavrSessionState.Access"/> or <see cref="WeavrSessionState.SteppedUp"/>.</returns>
    /// <exception cref="Errors.WeavrUnauthorizedException">401: the token is unknown, used already or expired.</exception>
    Task<IWeavrSession> SignInWithOneTimeTokenAsync(string userKey, string email, IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends every session of this process whose e-mail address is <paramref name="email"/> (case-insensitive) in
    /// <see cref="WeavrSessionState.Deactivated"/>, and stores it so. <c>AddSessions</c> calls it for every verified
    /// <c>user_deactivated</c> webhook (with <c>AddRedis</c>, on every instance).
    /// </summary>
    /// <param name="email">The deactivated user's e-mail address.</param>
    /// <param name="cancellationToken">Cancels the store writes.</param>
    /// <returns>How many sessions were ended now.</returns>
    ValueTask<int> EndDeactivatedUserSessionsAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Forgets a user's session, here and in the store (no call to Weavr: use <see cref="IWeavrSession.LogoutAsync"/> to revoke the token).</summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the session is forgotten.</returns>
    ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken = default);
}
