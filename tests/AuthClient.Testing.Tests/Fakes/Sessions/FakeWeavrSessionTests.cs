using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Fakes.Sessions;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Testing.Tests.Fakes.Sessions;

public sealed class FakeWeavrSessionTests
{
    private static readonly UserIdentity Personal = new(new IdentityId(IdentityType.Consumer, "c-1"), "Personal");
    private static readonly UserIdentity Business = new(new IdentityId(IdentityType.Corporate, "b-1"), "Business");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SignInWithPassword_ByDefault_ReachesAccess_RaisingTheRealTransitions_AndRecordsTheCallRedacted()
    {
        var session = new FakeWeavrSession("user-1", _time);
        var changes = new List<(WeavrSessionState, WeavrSessionState)>();
        session.StateChanged += (_, e) => changes.Add((e.PreviousState, e.State));

        var state = await session.SignInWithPasswordAsync("ada@example.com", "Secret-Passw0rd");

        Assert.Equal((WeavrSessionState.Access, AccessTokenStatus.Standard), (state, session.TokenStatus));
        Assert.Equal([(WeavrSessionState.Anonymous, WeavrSessionState.Authenticated), (WeavrSessionState.Authenticated, WeavrSessionState.Access)], changes);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(5), session.ExpiresAt);
        var call = Assert.Single(session.Calls);
        Assert.Equal("SignInWithPasswordAsync { Email = ada@example.com, Password = [redacted] }", call.ToString());
        Assert.Equal("Secret-Passw0rd", call.Password!.Reveal());
        Assert.DoesNotContain(session.Token!.Reveal(), session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithSeveralIdentities_WaitsForASelection_AndSecuredCallsThrowIdentitySelectionRequired()
    {
        var session = new FakeWeavrSession("user-1", _time) { SignInIdentities = [Personal, Business] };

        Assert.Equal(WeavrSessionState.Authenticated, await session.SignInWithPasswordAsync("ada@example.com", "pw"));
        Assert.True(session.IsIdentitySelectionRequired);
        var ex = await Assert.ThrowsAsync<WeavrIdentitySelectionRequiredException>(() => session.StepUpAsync());
        Assert.Equal([Personal, Business], ex.Identities);
        await Assert.ThrowsAsync<ArgumentException>(() => session.SelectIdentityAsync(new IdentityId(IdentityType.Consumer, "someone-else")));

        Assert.Equal(WeavrSessionState.Access, await session.SelectIdentityAsync(Business.Id));
        Assert.Equal(Business.Id, session.Identity);
    }

    [Fact]
    public async Task SignIn_RefusedWithLocked_LocksTheSession_RefusesUntilTheLockEnds_ThenSignsInAgain()
    {
        var attempts = 0;
        var session = new FakeWeavrSession("user-1", _time)
        {
            OnSignInWithPassword = (_, _) => ++attempts == 1 ? throw WeavrErrors.Locked() : WeavrSessionState.Authenticated,
        };

        var locked = await Assert.ThrowsAsync<WeavrSessionLockedException>(() => session.SignInWithPasswordAsync("ada@example.com", "pw"));
        var again = await Assert.ThrowsAsync<WeavrSessionLockedException>(() => session.SignInWithPasswordAsync("ada@example.com", "pw"));

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(30), locked.LockedUntil);
        Assert.IsType<WeavrLockedException>(locked.InnerException);
        Assert.Equal((WeavrSessionState.Locked, locked.LockedUntil), (session.State, session.LockedUntil));
        Assert.Equal((1, locked.LockedUntil), (attempts, again.LockedUntil));
        Assert.Null(session.Token);
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(WeavrSessionState.Anonymous, session.State);
        Assert.Equal(WeavrSessionState.Access, await session.SignInWithPasswordAsync("ada@example.com", "pw"));
    }

    [Fact]
    public async Task SignIn_WrongCredentials_ThrowsTheClientsErrorAndLeavesTheSessionAnonymous()
    {
        var refusal = WeavrErrors.InvalidCredentials();
        var session = new FakeWeavrSession("user-1", _time) { OnSignInWithPassword = (_, _) => throw refusal };

        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => session.SignInWithPasswordAsync("ada@example.com", "wrong"));

        Assert.Same(refusal, ex);
        Assert.Equal((WeavrSessionState.Anonymous, null), (session.State, session.Token));
    }

    [Fact]
    public async Task PasswordExpired_OnlyAllowsUpdatePassword_WhichContinuesTheSignIn()
    {
        var session = new FakeWeavrSession("user-1", _time) { OnSignInWithPassword = (_, _) => WeavrSessionState.PasswordExpired };
        Assert.Equal(WeavrSessionState.PasswordExpired, await session.SignInWithPasswordAsync("alan@example.com", "old"));

        var ex = await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.GetAuthenticationFactorsAsync());

        Assert.Equal((WeavrSessionState.PasswordExpired, "GetAuthenticationFactorsAsync"), (ex.State, ex.Operation));
        Assert.Equal([WeavrSessionState.Access, WeavrSessionState.SteppedUp], ex.RequiredStates);
        Assert.Equal(WeavrSessionState.Access, await session.UpdatePasswordAsync("old", "N3w-Passw0rd"));
    }

    [Fact]
    public async Task StepUp_FollowsTheScript_DeclinedKeepsAccess_VerifiedStepsUp_ThenAlreadyVerified()
    {
        var outcomes = new Queue<ChallengeOutcome>([ChallengeOutcome.Declined, ChallengeOutcome.Verified]);
        var session = new FakeWeavrSession("user-1", _time) { OnStepUp = _ => outcomes.Dequeue() };
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        var declined = await session.StepUpAsync();
        Assert.Equal((ChallengeOutcome.Declined, ScaChannel.Sms, WeavrSessionState.Access), (declined.Outcome, declined.Channel, session.State));
        var verified = await session.StepUpWithPushAsync(ScaChannel.Biometric);
        Assert.Equal((ChallengeOutcome.Verified, ScaChannel.Biometric, WeavrSessionState.SteppedUp), (verified.Outcome, verified.Channel, session.State));
        Assert.Equal(ChallengeOutcome.AlreadyVerified, (await session.StepUpAsync()).Outcome);
        Assert.Empty(outcomes);
    }

    [Fact]
    public async Task BadInput_IsRefusedBeforeAnythingChanges()
    {
        var session = new FakeWeavrSession("user-1", _time);
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        await Assert.ThrowsAsync<ArgumentException>(() => session.VerifyOtpStepUpAsync("12a456"));
        await Assert.ThrowsAsync<ArgumentException>(() => session.StepUpWithPushAsync(ScaChannel.Sms));
        await Assert.ThrowsAsync<ArgumentException>(() => session.UnlinkPushAsync(ScaChannel.Sms));
        await Assert.ThrowsAsync<ArgumentException>(() => session.SignInWithPasswordAsync(" ", "pw"));

        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal("VerifyOtpStepUpAsync { Code = [redacted], Channel = SMS }", session.Calls[1].ToString());
    }

    [Fact]
    public async Task IdleSession_ExpiresOnItsClock_AndThenEveryCallThrowsExpired()
    {
        var session = new FakeWeavrSession("user-1", _time);
        await session.SignInWithPasswordAsync("ada@example.com", "pw");
        _time.Advance(TimeSpan.FromMinutes(4));
        await session.GetAuthenticationFactorsAsync(); // Keeps it alive: the idle time restarts.
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(WeavrSessionState.Access, session.State);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((WeavrSessionState.Expired, null, null), (session.State, session.Token, session.ExpiresAt));
        var ex = await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.StepUpAsync());
        Assert.Equal(_time.GetUtcNow(), ex.ExpiredAt);
    }

    [Fact]
    public async Task Logout_EndsTheSession_AndLaterCallsThrowLoggedOut()
    {
        var session = new FakeWeavrSession("user-1", _time);
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        await session.LogoutAsync();

        Assert.Equal((WeavrSessionState.LoggedOut, null), (session.State, session.Token));
        await Assert.ThrowsAsync<WeavrSessionLoggedOutException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(WeavrSessionState.Access, await session.SignInWithPasswordAsync("ada@example.com", "pw"));
    }

    [Fact]
    public async Task Enrolment_Verified_ActivatesTheFactor_AndUnlinkRemovesIt()
    {
        var session = new FakeWeavrSession("user-1", _time) { OnEnrol = c => c == ScaChannel.Sms ? ChallengeOutcome.VerificationCodeInvalid : ChallengeOutcome.Verified };
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        Assert.Equal(ChallengeOutcome.VerificationCodeInvalid, (await session.EnrolSmsOtpAsync()).Outcome);
        Assert.Equal(ChallengeOutcome.Verified, (await session.EnrolAuthyPushAsync()).Outcome);
        Assert.Equal([(ScaChannel.Authy, ScaFactorStatus.Active)], (await session.GetAuthenticationFactorsAsync()).Select(f => (f.Channel!.Value, f.Status!.Value)));
        await session.UnlinkPushAsync(ScaChannel.Authy);
        Assert.Empty(await session.GetAuthenticationFactorsAsync());
    }

    [Fact]
    public async Task BeforeSignIn_SecuredCallsThrowTheStateError()
    {
        var session = new FakeWeavrSession("user-1", _time);

        var ex = await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.StartOtpStepUpAsync());

        Assert.Equal((WeavrSessionState.Anonymous, "StartOtpStepUpAsync"), (ex.State, ex.Operation));
        await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.UpdatePasswordAsync("a", "b"));
    }

    [Fact]
    public async Task CancelledToken_CancelsTheCall_WithoutChangingTheSession()
    {
        var session = new FakeWeavrSession("user-1", _time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SignInWithPasswordAsync("ada@example.com", "pw", new CancellationToken(canceled: true)));

        Assert.Equal(WeavrSessionState.Anonymous, session.State);
    }
}
