using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using WireMock.Matchers;
using WireMock.ResponseBuilders;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed partial class WeavrSessionTests
{
    private static readonly WebhookIdentity WebhookConsumer11 = new("CONSUMER", "11");

    [Fact]
    public async Task SignInWithBiometricsAsync_Verified_ExchangesTheWebhookTokenAndEndsSteppedUp()
    {
        _host.Stub(Post("/login_via_biometrics").WithBody(new JsonPartialMatcher($$"""{"email":"{{Email}}"}""")), Json(200, """{"challengeId":"901"}"""));
        _host.StubAccessToken("bio-auth", token: "bio-access", status: "STEPPED_UP");
        var session = await _host.Sessions.GetOrCreateAsync(UserKey);
        var transitions = Record(session);

        var signIn = _host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        await _host.AwaitedAsync("901", signIn);
        Assert.False(signIn.IsCompleted);
        await _host.Sink.HandleAsync(StepUp("901", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric, "bio-auth", WebhookConsumer11), CancellationToken.None);
        var result = await signIn;

        Assert.True(result.Succeeded);
        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal("901", result.ChallengeId);
        Assert.Same(session, result.Session);
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Equal(AccessTokenStatus.SteppedUp, session.TokenStatus);
        Assert.Equal("bio-access", session.Token!.Reveal());
        Assert.Equal(Consumer11, session.Identity);
        Assert.Equal(Root77, session.Credential);
        Assert.Equal(["Anonymous>Authenticated", "Authenticated>SteppedUp"], transitions);
        Assert.Equal(["POST /login_via_biometrics", "POST /access_token"], _host.Paths());
        Assert.Null(Header(_host.Requests("/login_via_biometrics")[0], "Authorization"));
        Assert.Contains($"\"email\":\"{Email}\"", _host.Requests("/login_via_biometrics")[0].RequestMessage!.Body);
        Assert.Equal("Bearer bio-auth", Header(_host.Requests("/access_token")[0], "Authorization"));
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_ExplicitIdentity_IsSentAndExchangedFor()
    {
        var corporate = new IdentityId(IdentityType.Corporate, "12");
        _host.Stub(Post("/login_via_biometrics").WithBody(new JsonPartialMatcher("""{"identity":{"type":"CORPORATE","id":"12"}}""")), Json(200, """{"challengeId":"902"}"""));
        _host.StubAccessToken("bio-auth", token: "bio-access", status: "STEPPED_UP", identityId: "12", identityType: "CORPORATE");

        var signIn = _host.Sessions.SignInWithBiometricsAsync(UserKey, Email, corporate);
        await _host.AwaitedAsync("902", signIn);
        await _host.Sink.HandleAsync(StepUp("902", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric, "bio-auth"), CancellationToken.None);
        var result = await signIn;

        Assert.True(result.Succeeded);
        Assert.Equal(corporate, result.Session.Identity);
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_WebhookWithoutIdentity_ListsIdentitiesFirst()
    {
        _host.Stub(Post("/login_via_biometrics"), Json(200, """{"challengeId":"903"}"""));
        _host.StubIdentities("bio-auth", ("CONSUMER", "11", "Ada"));
        _host.StubAccessToken("bio-auth", token: "bio-access", status: "STEPPED_UP");

        var signIn = _host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        await _host.AwaitedAsync("903", signIn);
        await _host.Sink.HandleAsync(StepUp("903", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric, "bio-auth"), CancellationToken.None);
        var result = await signIn;

        Assert.Equal(WeavrSessionState.SteppedUp, result.Session.State);
        Assert.Equal(["POST /login_via_biometrics", "GET /identities", "POST /access_token"], _host.Paths());
    }

    [Theory]
    [InlineData("DECLINED", ChallengeOutcome.Declined)]
    [InlineData("EXPIRED", ChallengeOutcome.Expired)]
    public async Task SignInWithBiometricsAsync_NotVerified_ReturnsOutcomeWithoutAToken(string status, ChallengeOutcome expected)
    {
        _host.Stub(Post("/login_via_biometrics"), Json(200, """{"challengeId":"904"}"""));

        var signIn = _host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        await _host.AwaitedAsync("904", signIn);
        await _host.Sink.HandleAsync(StepUp("904", new WebhookChallengeStatus(status), StepUpEventTypes.Biometric), CancellationToken.None);
        var result = await signIn;

        Assert.Equal(expected, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal(WeavrSessionState.Anonymous, result.Session.State);
        Assert.Null(result.Session.Token);
        Assert.Equal(["POST /login_via_biometrics"], _host.Paths());
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_NoAnswer_TimesOutOnTheClock()
    {
        _host.Stub(Post("/login_via_biometrics"), Json(200, """{"challengeId":"905"}"""));

        var signIn = _host.Sessions.SignInWithBiometricsAsync(UserKey, Email, timeout: TimeSpan.FromSeconds(45));
        await _host.AwaitedAsync("905", signIn);
        _host.Time.Advance(TimeSpan.FromSeconds(44));
        Assert.False(signIn.IsCompleted);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await signIn;

        Assert.Equal(ChallengeOutcome.TimedOut, result.Outcome);
        Assert.Equal("905", result.ChallengeId);
        Assert.Equal(WeavrSessionState.Anonymous, result.Session.State);
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Theory]
    [InlineData(WeavrErrorCodes.ChannelNotRegistered, ChallengeOutcome.ChannelNotRegistered)]
    [InlineData(WeavrErrorCodes.ChannelNotSupported, ChallengeOutcome.ChannelNotSupported)]
    public async Task SignInWithBiometricsAsync_ChannelRefused_ReturnsOutcomeAtOnce(string errorCode, ChallengeOutcome expected)
    {
        _host.Stub(Post("/login_via_biometrics"), Conflict(errorCode));

        var result = await _host.Sessions.SignInWithBiometricsAsync(UserKey, Email);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal("rr-409", result.RequestRef);
        Assert.Null(result.ChallengeId);
        Assert.Equal(WeavrSessionState.Anonymous, result.Session.State);
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_WebhookArrivesBeforeTheLoginAnswer_IsNotLost()
    {
        // The webhook is delivered while Weavr is still answering the POST: the session has not registered yet.
        var sink = _host.Sink;
        _host.Stub(Post("/login_via_biometrics"), Response.Create().WithCallback(async _ =>
        {
            await sink.HandleAsync(StepUp("906", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric, "bio-auth", WebhookConsumer11), CancellationToken.None);
            return JsonMessage(200, """{"challengeId":"906"}""");
        }));
        _host.StubAccessToken("bio-auth", token: "bio-access", status: "STEPPED_UP");

        var result = await _host.Sessions.SignInWithBiometricsAsync(UserKey, Email);

        Assert.True(result.Succeeded);
        Assert.Equal(WeavrSessionState.SteppedUp, result.Session.State);
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_VerifiedWithoutToken_Throws()
    {
        _host.Stub(Post("/login_via_biometrics"), Json(200, """{"challengeId":"907"}"""));

        var signIn = _host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        await _host.AwaitedAsync("907", signIn);
        await _host.Sink.HandleAsync(StepUp("907", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric, authToken: ""), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<AuthClientException>(() => signIn);
        Assert.Contains("907", ex.Message);
        Assert.Equal(WeavrSessionState.Anonymous, (await _host.Sessions.FindAsync(UserKey))!.State);
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_Locked_MovesToLocked()
    {
        _host.Stub(Post("/login_via_biometrics"), Status(423));

        var ex = await Assert.ThrowsAsync<WeavrSessionLockedException>(() => _host.Sessions.SignInWithBiometricsAsync(UserKey, Email));

        Assert.Equal(Start + TimeSpan.FromMinutes(30), ex.LockedUntil);
        Assert.Equal(WeavrSessionState.Locked, (await _host.Sessions.FindAsync(UserKey))!.State);
    }
}
