using System.Runtime.ExceptionServices;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>ACCESS tokens: leases, and the single-flight exchange of the AUTH token.</summary>
public sealed partial class WeavrSession
{
    /// <summary>Returns a lease on an ACCESS token, exchanging the AUTH token first when the identity is known.</summary>
    private async Task<Lease> AcquireAccessAsync(string operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            IdentityId? target;
            try
            {
                lock (_sync)
                {
                    TransitionLocked(new SessionEvent.Tick(Now));
                    if (_data.IsAccess)
                    {
                        return new Lease(_data.Token!, _data.StepUpGeneration);
                    }

                    target = _data.State == WeavrSessionState.Authenticated && attempt == 0 ? _data.ExchangeTarget : null;
                    if (target is null)
                    {
                        throw StateErrorLocked(operation, AccessStates);
                    }
                }
            }
            finally
            {
                RaisePending();
            }

            await EnsureAccessAsync(null, target, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Exchanges the AUTH token for an ACCESS token, single-flight. <paramref name="tokenSeen"/> is the token a refused
    /// call carried: when the session's token changed since, another caller already exchanged it.
    /// </summary>
    private async Task EnsureAccessAsync(Secret? tokenSeen, IdentityId? target, Exception? cause, CancellationToken cancellationToken)
    {
        SharedFlight<WeavrSessionState> flight;
        bool created;
        Secret? authToken;
        IdentityId? identity;
        try
        {
            lock (_sync)
            {
                TransitionLocked(new SessionEvent.Tick(Now));
                if (tokenSeen is not null && _data.Token != tokenSeen && _data.IsAccess)
                {
                    return;
                }

                if (!_data.IsAccess && _data.State != WeavrSessionState.Authenticated)
                {
                    throw StateErrorLocked("The access-token exchange", [WeavrSessionState.Authenticated, .. AccessStates]);
                }

                authToken = _data.AuthToken;
                identity = target ?? _data.ExchangeTarget;
                if ((authToken is null || identity is null) && cause is not null)
                {
                    // Nothing to exchange with: the refusal stands.
                    ExceptionDispatchInfo.Throw(cause);
                }

                if (authToken is null || identity is null)
                {
                    throw identity is null
                        ? new WeavrIdentitySelectionRequiredException(UserKey, _data.Identities)
                        : StateErrorLocked("The access-token exchange", [WeavrSessionState.Authenticated]);
                }

                flight = SharedFlight<WeavrSessionState>.JoinOrStart(ref _exchangeFlight, out created);
            }
        }
        finally
        {
            RaisePending();
        }

        if (created)
        {
            _ = RunExchangeAsync(flight, authToken, identity);
        }

        await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task RunExchangeAsync(SharedFlight<WeavrSessionState> flight, Secret authToken, IdentityId identity) =>
        flight.RunAsync(async ct =>
        {
            try
            {
                return await ExchangeAsync(authToken, identity, ct).ConfigureAwait(false);
            }
            finally
            {
                lock (_sync)
                {
                    if (ReferenceEquals(_exchangeFlight, flight))
                    {
                        _exchangeFlight = null;
                    }
                }
            }
        });

    private async Task<WeavrSessionState> ExchangeAsync(Secret authToken, IdentityId identity, CancellationToken cancellationToken)
    {
        var sentAt = Now;
        WeavrResponse<AccessTokenResponse> response;
        try
        {
            response = await _services.CreateClient().RequestAccessTokenAsync(identity, WeavrCallOptions.WithToken(authToken), cancellationToken).ConfigureAwait(false);
        }
        catch (WeavrUnauthorizedException ex)
        {
            throw ExpireOnUnauthorized(authToken, ex);
        }
        catch (WeavrLockedException ex)
        {
            throw LockOn(ex);
        }

        Apply(new SessionEvent.AccessGranted(authToken, identity, response.Value, sentAt));
        return State;
    }
}
