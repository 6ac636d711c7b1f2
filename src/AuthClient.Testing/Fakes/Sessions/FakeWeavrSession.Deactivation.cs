using System.Runtime.ExceptionServices;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>One-time-token sign-in and the end of a deactivated user's session.</summary>
public sealed partial class FakeWeavrSession
{
    private string? _email;

    /// <summary>Gets or sets what <see cref="SignInWithOneTimeTokenAsync"/> does for (email, identity); throw
    /// <c>WeavrErrors.Unauthorized()</c> for a token that is unknown, used or expired (the session is then unchanged).
    /// Default: an ACCESS session for that identity.</summary>
    public Action<string, IdentityId>? OnSignInWithOneTimeToken { get; set; }

    /// <summary>Gets the e-mail address of the last sign-in (a <c>user_deactivated</c> webhook is matched on it).</summary>
    public string? Email => Read(() => _email);

    /// <inheritdoc />
    public Task<WeavrSessionState> SignInWithOneTimeTokenAsync(string email, IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(SignInWithOneTimeTokenAsync)) { Email = email, Identity = identity }, cancellationToken, () =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(email);
            ArgumentNullException.ThrowIfNull(identity);
            ArgumentNullException.ThrowIfNull(oneTimeToken);
            if (oneTimeToken.IsEmpty)
            {
                throw new ArgumentException("The one-time token is empty.", nameof(oneTimeToken));
            }

            RequireNotLocked();
            // A refused token (401) leaves the session as it was, as in the real one: it is not this session's token.
            WeavrUnauthorizedException? refused = null;
            Run(() =>
            {
                try
                {
                    return Invoke(OnSignInWithOneTimeToken, h => h(email, identity));
                }
                catch (WeavrUnauthorizedException ex)
                {
                    refused = ex;
                    return default;
                }
            });
            if (refused is not null)
            {
                ExceptionDispatchInfo.Throw(refused);
            }

            // As the real session: no AUTH token and no identity choice, straight to ACCESS for the token's identity.
            RememberEmail(email);
            Identities = [];
            Begin(WeavrSessionState.Access, identity);
            return State;
        });

    /// <summary>
    /// Ends the session as a verified <c>user_deactivated</c> webhook does: <see cref="WeavrSessionState.Deactivated"/>,
    /// token dropped. <see cref="FakeWeavrSessionRegistry.EndDeactivatedUserSessionsAsync"/> calls it for every
    /// session of that e-mail address.
    /// </summary>
    /// <returns><see langword="true"/> when the session was ended now (it was not already deactivated).</returns>
    public bool Deactivate()
    {
        lock (_gate)
        {
            if (_state == WeavrSessionState.Deactivated)
            {
                return false;
            }

            _token = null;
        }

        Transition(_ => WeavrSessionState.Deactivated, expiredAt: null);
        return true;
    }

    private void RememberEmail(string email)
    {
        lock (_gate)
        {
            _email = email;
        }
    }
}
