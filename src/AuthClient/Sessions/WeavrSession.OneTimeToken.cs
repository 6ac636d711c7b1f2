using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>Sign-in with a one-time token: straight to an ACCESS token, no AUTH token and no identity choice.</summary>
public sealed partial class WeavrSession
{
    /// <inheritdoc />
    public async Task<WeavrSessionState> SignInWithOneTimeTokenAsync(string email, IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        WeavrInputGuard.Identity(identity, nameof(identity));
        WeavrInputGuard.OpaqueSecret(oneTimeToken, nameof(oneTimeToken));
        return await SignInExclusiveAsync(async () =>
        {
            var sentAt = Now;
            WeavrResponse<AccessTokenResponse> access;
            try
            {
                access = await _services.CreateClient().ExchangeOneTimeTokenAsync(identity, oneTimeToken, cancellationToken).ConfigureAwait(false);
            }
            catch (WeavrLockedException ex)
            {
                throw LockOn(ex);
            }

            // No AUTH token comes back: when this ACCESS token ends, the user signs in again.
            Begin(new SessionEvent.AccessBegan(identity, access.Value, email, sentAt));
            return State;
        }, cancellationToken).ConfigureAwait(false);
    }
}
