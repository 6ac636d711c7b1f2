using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Sessions.Internal;
using AuthClient.Weavr.Models;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

/// <summary>Every transition of the pure state machine, without HTTP, clock or locks.</summary>
public sealed class SessionTransitionsTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);
    private static readonly Secret Auth = new("auth-1");
    private static readonly Secret Access = new("access-1");
    private static readonly Secret Other = new("other-token");

    private static readonly SessionData Authenticated = new()
    {
        State = WeavrSessionState.Authenticated,
        Token = Auth,
        AuthToken = Auth,
        Credential = Root77,
        LastActivity = Start,
    };

    private static readonly SessionData AccessData = Authenticated with
    {
        State = WeavrSessionState.Access,
        Token = Access,
        TokenStatus = AccessTokenStatus.Standard,
        Identity = Consumer11,
        Identities = [new UserIdentity(Consumer11, "Ada")],
    };

    private static readonly SessionData SteppedUpData = AccessData with { State = WeavrSessionState.SteppedUp, TokenStatus = AccessTokenStatus.SteppedUp };

    private static readonly Dictionary<string, (SessionData From, SessionEvent Event, WeavrSessionState Expected)> Cases = new()
    {
        ["password login"] = (SessionData.Anonymous, new SessionEvent.Began(WeavrSessionState.Authenticated, Auth, true, Root77, null, Start), WeavrSessionState.Authenticated),
        ["expired password"] = (SessionData.Anonymous, new SessionEvent.Began(WeavrSessionState.PasswordExpired, Auth, false, Root77, null, Start), WeavrSessionState.PasswordExpired),
        ["sign in again after logout"] = (AccessData with { State = WeavrSessionState.LoggedOut, Token = null }, new SessionEvent.Began(WeavrSessionState.Authenticated, Other, true, null, null, Start), WeavrSessionState.Authenticated),
        ["exchange"] = (Authenticated, Granted(Auth, "STANDARD"), WeavrSessionState.Access),
        ["exchange stepped up"] = (Authenticated, Granted(Auth, "STEPPED_UP"), WeavrSessionState.SteppedUp),
        ["exchange for a replaced AUTH token"] = (Authenticated, Granted(Other, "STANDARD"), WeavrSessionState.Authenticated),
        ["401"] = (AccessData, new SessionEvent.Unauthorized(Access, Start), WeavrSessionState.Expired),
        ["401 for a replaced token"] = (AccessData, new SessionEvent.Unauthorized(Other, Start), WeavrSessionState.Access),
        ["423"] = (AccessData, new SessionEvent.Locked(Start + TimeSpan.FromMinutes(30)), WeavrSessionState.Locked),
        ["step-up verified"] = (AccessData, new SessionEvent.SteppedUp(Access), WeavrSessionState.SteppedUp),
        ["step-up verified for a replaced token"] = (AccessData, new SessionEvent.SteppedUp(Other), WeavrSessionState.Access),
        ["step-up restarted on a refused stepped-up token"] = (SteppedUpData, new SessionEvent.StepUpStarted(Access), WeavrSessionState.Access),
        ["step-up started on a standard token"] = (AccessData, new SessionEvent.StepUpStarted(Access), WeavrSessionState.Access),
        ["logout"] = (SteppedUpData, new SessionEvent.LoggedOut(Access), WeavrSessionState.LoggedOut),
        ["logout of a replaced token"] = (AccessData, new SessionEvent.LoggedOut(Other), WeavrSessionState.Access),
        ["logout without a token"] = (SessionData.Anonymous, new SessionEvent.LoggedOut(null), WeavrSessionState.LoggedOut),
        ["logout while locked"] = (AccessData.WithoutTokens() with { State = WeavrSessionState.Locked, LockedUntil = Start }, new SessionEvent.LoggedOut(null), WeavrSessionState.Locked),
        ["idle timeout"] = (AccessData, new SessionEvent.Tick(Start + Idle), WeavrSessionState.Expired),
        ["not yet idle"] = (AccessData, new SessionEvent.Tick(Start + Idle - TimeSpan.FromTicks(1)), WeavrSessionState.Access),
        ["lock ends"] = (AccessData.WithoutTokens() with { State = WeavrSessionState.Locked, LockedUntil = Start }, new SessionEvent.Tick(Start), WeavrSessionState.Anonymous),
        ["call succeeded"] = (AccessData, new SessionEvent.CallSucceeded(Access, Start + TimeSpan.FromMinutes(1)), WeavrSessionState.Access),
        ["one-time token exchanged"] = (SessionData.Anonymous, new SessionEvent.AccessBegan(Consumer11, new AccessTokenResponse { Token = Access }, "ada@example.com", Start), WeavrSessionState.Access),
        ["user deactivated with ACCESS"] = (SteppedUpData, new SessionEvent.Deactivated(), WeavrSessionState.Deactivated),
        ["user deactivated while locked"] = (AccessData.WithoutTokens() with { State = WeavrSessionState.Locked, LockedUntil = Start }, new SessionEvent.Deactivated(), WeavrSessionState.Deactivated),
        ["user deactivated after logout"] = (AccessData.WithoutTokens() with { State = WeavrSessionState.LoggedOut }, new SessionEvent.Deactivated(), WeavrSessionState.LoggedOut),
        ["sign in again after deactivation"] = (AccessData.WithoutTokens() with { State = WeavrSessionState.Deactivated }, new SessionEvent.Began(WeavrSessionState.Authenticated, Other, true, null, "ada@example.com", Start), WeavrSessionState.Authenticated),
    };

    public static TheoryData<string> Transitions => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Apply_Event_GivesTheExpectedState(string name)
    {
        var (from, e, expected) = Cases[name];

        var next = SessionTransitions.Apply(from, e, Idle);

        Assert.Equal(expected, next.State);
        Assert.Equal(next.HasToken, next.Token is not null);
        if (!next.HasToken)
        {
            Assert.Null(next.AuthToken);
        }
    }

    [Fact]
    public void Apply_AccessBegan_KeepsNoAuthTokenAndTheEmail_AndBelongsToComparesCaseInsensitively()
    {
        var next = SessionTransitions.Apply(AccessData, new SessionEvent.AccessBegan(Consumer11, new AccessTokenResponse { Token = Other, Status = AccessTokenStatus.SteppedUp }, "Ada@Example.com", Start), Idle);

        Assert.Equal((WeavrSessionState.SteppedUp, Other, (Secret?)null), (next.State, next.Token, next.AuthToken));
        Assert.True(next.BelongsTo("ada@EXAMPLE.com"));
        Assert.False(next.BelongsTo("ada@example.org"));
        Assert.False(AccessData.BelongsTo("ada@example.com")); // a session without a known e-mail matches nobody
        Assert.Equal("Ada@Example.com", next.ToSnapshot("k", 1).Email);
        Assert.Equal("Ada@Example.com", SessionData.FromSnapshot(next.ToSnapshot("k", 1)).Email);
    }

    [Fact]
    public void Apply_IgnoredEvent_ReturnsTheSameInstance()
    {
        Assert.Same(AccessData, SessionTransitions.Apply(AccessData, new SessionEvent.Unauthorized(Other, Start), Idle));
        Assert.Same(AccessData, SessionTransitions.Apply(AccessData, new SessionEvent.IdentitiesListed(Other, []), Idle));
    }

    [Fact]
    public void Apply_CallSucceeded_StampsTheSendTimeAndNeverMovesActivityBack()
    {
        var later = SessionTransitions.Apply(AccessData, new SessionEvent.CallSucceeded(Access, Start + TimeSpan.FromMinutes(2)), Idle);
        var slowAnswer = SessionTransitions.Apply(later, new SessionEvent.CallSucceeded(Access, Start + TimeSpan.FromMinutes(1)), Idle);

        Assert.Equal(Start + TimeSpan.FromMinutes(2), later.LastActivity);
        Assert.Same(later, slowAnswer);
        Assert.True(AccessData.DiffersOnlyInActivity(later));
    }

    [Fact]
    public void Apply_Began_ForgetsThePreviousLogin()
    {
        var locked = SteppedUpData.WithoutTokens() with { State = WeavrSessionState.Locked, LockedUntil = Start, ExpiredAt = Start };

        var next = SessionTransitions.Apply(locked, new SessionEvent.Began(WeavrSessionState.Authenticated, Other, true, null, null, Start), Idle);

        Assert.Equal(Other, next.AuthToken);
        Assert.Null(next.Identity);
        Assert.Empty(next.Identities);
        Assert.Null(next.LockedUntil);
        Assert.Null(next.ExpiredAt);
    }

    [Fact]
    public void Apply_IdentitiesListed_ThenExchangeTargetIsTheOnlyIdentity()
    {
        var listed = SessionTransitions.Apply(Authenticated, new SessionEvent.IdentitiesListed(Auth, [new UserIdentity(Consumer11, "Ada")]), Idle);

        Assert.Equal(Consumer11, listed.ExchangeTarget);
        Assert.Null(Authenticated.ExchangeTarget);
    }

    [Fact]
    public void Apply_SteppedUpAndStepUpEnded_AdvanceTheGeneration()
    {
        var steppedUp = SessionTransitions.Apply(AccessData, new SessionEvent.SteppedUp(Access), Idle);
        var ended = SessionTransitions.Apply(steppedUp, new SessionEvent.StepUpEnded(), Idle);

        Assert.Equal(AccessData.StepUpGeneration + 2, ended.StepUpGeneration);
    }

    [Fact]
    public void Apply_Idle_ExpiresAtTheEndOfTheIdleTimeout()
    {
        var expired = SessionTransitions.Apply(AccessData, new SessionEvent.Tick(Start + TimeSpan.FromHours(1)), Idle);

        Assert.Equal(Start + Idle, expired.ExpiredAt);
    }

    [Fact]
    public void FromSnapshot_TokenStateWithoutToken_IsExpired()
    {
        var data = SessionData.FromSnapshot(new WeavrSessionSnapshot { UserKey = UserKey, State = WeavrSessionState.Access, LastActivityAt = Start });

        Assert.Equal(WeavrSessionState.Expired, data.State);
    }

    [Fact]
    public void ReplayingEvents_OnANewerStoredState_KeepsTheNewerLogin()
    {
        // Instance A expired its token on a 401 while instance B signed the user in again: A's event no longer applies.
        var newer = SessionTransitions.Apply(AccessData, new SessionEvent.Began(WeavrSessionState.Authenticated, Other, true, Root77, null, Start), Idle);

        var replayed = SessionTransitions.Apply(newer, new SessionEvent.Unauthorized(Access, Start), Idle);

        Assert.Same(newer, replayed);
    }

    private static SessionEvent.AccessGranted Granted(Secret authToken, string status) =>
        new(authToken, Consumer11, new AccessTokenResponse { Token = Access, Identity = Consumer11, Status = new AccessTokenStatus(status) }, Start);
}
