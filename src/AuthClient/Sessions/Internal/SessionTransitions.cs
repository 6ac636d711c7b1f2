using AuthClient.Weavr.Models;

namespace AuthClient.Sessions.Internal;

/// <summary>
/// The session state machine as a pure function: (state, event) → state. No I/O, no clock, no locks: the session shell
/// sends the calls, feeds their outcomes in as events, and persists the result (with compare-and-set where the store
/// supports it, re-applying its events to a newer stored state on conflict).
/// </summary>
internal static class SessionTransitions
{
    /// <summary>Applies one event.</summary>
    /// <param name="data">The current state.</param>
    /// <param name="e">The event.</param>
    /// <param name="idleTimeout">How long a token lives after its last successful call.</param>
    /// <returns>The next state (the same instance when nothing changes).</returns>
    public static SessionData Apply(SessionData data, SessionEvent e, TimeSpan idleTimeout) => e switch
    {
        SessionEvent.Tick tick => Tick(data, tick.At, idleTimeout),
        SessionEvent.Began began => new SessionData
        {
            State = began.State,
            Token = began.Token,
            AuthToken = began.IsAuthToken ? began.Token : null,
            Credential = began.Credential,
            Email = began.Email ?? data.Email,
            LastActivity = began.SentAt,
            StepUpGeneration = data.StepUpGeneration,
        },
        SessionEvent.AccessBegan began => new SessionData
        {
            State = began.Access.Status == AccessTokenStatus.SteppedUp ? WeavrSessionState.SteppedUp : WeavrSessionState.Access,
            Token = began.Access.Token,
            TokenStatus = began.Access.Status ?? AccessTokenStatus.Standard,
            Identity = began.Access.Identity ?? began.Requested,
            Credential = began.Access.Credentials,
            Email = began.Email,
            LastActivity = began.SentAt,
            StepUpGeneration = data.StepUpGeneration,
        },
        SessionEvent.Deactivated when data.State is not (WeavrSessionState.Anonymous or WeavrSessionState.LoggedOut or WeavrSessionState.Deactivated) =>
            data.WithoutTokens() with { State = WeavrSessionState.Deactivated, LockedUntil = null },
        SessionEvent.IdentitiesListed listed when listed.AuthToken == data.AuthToken && data.State == WeavrSessionState.Authenticated =>
            data with { Identities = listed.Identities },
        SessionEvent.AccessGranted granted when granted.AuthToken == data.AuthToken && (data.State == WeavrSessionState.Authenticated || data.IsAccess) =>
            data with
            {
                State = granted.Access.Status == AccessTokenStatus.SteppedUp ? WeavrSessionState.SteppedUp : WeavrSessionState.Access,
                Token = granted.Access.Token,
                TokenStatus = granted.Access.Status ?? AccessTokenStatus.Standard,
                Identity = granted.Access.Identity ?? granted.Requested,
                Credential = granted.Access.Credentials ?? data.Credential,
                LastActivity = Later(data.LastActivity, granted.SentAt),
            },
        SessionEvent.CallSucceeded ok when ok.Token == data.Token && data.HasToken && !(data.LastActivity >= ok.SentAt) =>
            data with { LastActivity = ok.SentAt },
        SessionEvent.Unauthorized refused when refused.Token == data.Token && data.HasToken =>
            data.WithoutTokens() with { State = WeavrSessionState.Expired, ExpiredAt = refused.At },
        SessionEvent.Locked locked => data.WithoutTokens() with { State = WeavrSessionState.Locked, LockedUntil = locked.Until },
        SessionEvent.StepUpStarted started when started.Token == data.Token && data.State == WeavrSessionState.SteppedUp =>
            data with { State = WeavrSessionState.Access, TokenStatus = AccessTokenStatus.Standard },
        SessionEvent.SteppedUp steppedUp when steppedUp.Token == data.Token && data.IsAccess =>
            data with { State = WeavrSessionState.SteppedUp, TokenStatus = AccessTokenStatus.SteppedUp, StepUpGeneration = data.StepUpGeneration + 1 },
        SessionEvent.StepUpEnded => data with { StepUpGeneration = data.StepUpGeneration + 1 },
        SessionEvent.PasswordChangedWithoutToken changed when changed.Token == data.Token && data.State == WeavrSessionState.PasswordExpired =>
            data.WithoutTokens() with { State = WeavrSessionState.Anonymous },
        SessionEvent.LoggedOut { Token: { } token } when token == data.Token && data.HasToken =>
            data.WithoutTokens() with { State = WeavrSessionState.LoggedOut },
        SessionEvent.LoggedOut { Token: null } when !data.HasToken && data.State is not (WeavrSessionState.LoggedOut or WeavrSessionState.Locked) =>
            data with { State = WeavrSessionState.LoggedOut },
        _ => data,
    };

    private static SessionData Tick(SessionData data, DateTimeOffset now, TimeSpan idleTimeout)
    {
        if (data.HasToken && data.LastActivity + idleTimeout <= now)
        {
            return data.WithoutTokens() with { State = WeavrSessionState.Expired, ExpiredAt = data.LastActivity + idleTimeout };
        }

        return data.State == WeavrSessionState.Locked && data.LockedUntil <= now
            ? data with { State = WeavrSessionState.Anonymous, LockedUntil = null }
            : data;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset b) => a is { } known && known > b ? known : b;
}
