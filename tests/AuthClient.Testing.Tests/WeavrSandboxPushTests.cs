using System.Globalization;
using AuthClient.Errors;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests;

public sealed class WeavrSandboxPushTests : IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithWebhookUrl(_receiver.Url));

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        _receiver.Dispose();
    }

    [Fact]
    public async Task EnrolPush_ApprovedByTheUser_ActivatesTheFactorAndSendsASignedEnrolmentWebhook()
    {
        var access = await AccessAsync(TestUsers.Plain);
        await _h.Client.EnrolPushAsync(ScaChannel.Authy, access);
        var pendingFactors = await _h.Client.GetAuthenticationFactorsAsync(access);
        var challenge = await _h.Sandbox.WaitForPendingChallengeAsync(TestUsers.Plain);

        var delivery = await _h.Sandbox.ApproveAsync(challenge.Id);
        var webhook = await _receiver.NextAsync();

        var user = _h.Sandbox.GetUser(TestUsers.Plain);
        Assert.Equal(SandboxChallengeKind.PushEnrolment, challenge.Kind);
        Assert.Equal(ScaFactorStatus.PendingVerification, Assert.Single(pendingFactors.Value.Factors).Status);
        Assert.Equal(ScaFactorStatus.Active, user.GetFactorStatus(ScaChannel.Authy));
        Assert.True(delivery.Delivered);
        Assert.Equal("/authentication_factors/watch", webhook.Path);
        var ms = SandboxHarness.Start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            $$"""{"credentialId":{"type":"ROOT","id":"{{user.Credential.Id}}"},"type":"AUTHY","status":"ACTIVE","publishedTimestamp":"{{ms}}"}""",
            webhook.Body);
        Assert.Equal(ms, webhook.Header("published-timestamp"));
        Assert.True(webhook.IsSignedWith(_h.Sandbox.ApiKey));
        Assert.False(webhook.IsSignedWith("another-key"));
    }

    [Fact]
    public async Task EnrolPush_Declined_MarksTheFactorInactive()
    {
        var access = await AccessAsync(TestUsers.Plain);
        await _h.Client.EnrolPushAsync(ScaChannel.Authy, access);
        var challenge = await _h.Sandbox.WaitForPendingChallengeAsync(TestUsers.Plain);

        await _h.Sandbox.DeclineAsync(challenge.Id);

        Assert.Equal("INACTIVE", (await _receiver.NextAsync()).Json.GetProperty("status").GetString());
        Assert.Equal(ScaFactorStatus.Inactive, Assert.Single((await _h.Client.GetAuthenticationFactorsAsync(access)).Value.Factors).Status);
    }

    [Fact]
    public async Task EnrolPush_AgainWhilePending_Answers204WithoutASecondChallenge()
    {
        var access = await AccessAsync(TestUsers.Plain);
        await _h.Client.EnrolPushAsync(ScaChannel.Authy, access);

        await _h.Client.EnrolPushAsync(ScaChannel.Authy, access);

        Assert.Single(_h.Sandbox.PendingChallenges);
    }

    [Theory]
    [InlineData(TestUsers.NoMobile, WeavrErrorCodes.MobileNumberNotAvailable)]
    [InlineData(TestUsers.Authy, WeavrErrorCodes.ChannelAlreadyRegistered)]
    public async Task EnrolPush_Refused_Answers409WithTheReason(string email, string expected)
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.EnrolPushAsync(ScaChannel.Authy, await AccessAsync(email)));

        Assert.Equal(expected, ex.ErrorCode);
    }

    [Fact]
    public async Task UnlinkPush_UntilSteppedUp_Answers403StepUpRequired_ThenUnlinks()
    {
        var access = await AccessAsync(TestUsers.Authy);
        var refused = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.UnlinkPushAsync(ScaChannel.Authy, access));
        var raw = await _h.Raw.SendAsync(HttpMethod.Delete, "/multi/authentication_factors/push/AUTHY", token: access.Token!.Reveal());
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        await _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access);

        var unlinked = await _h.Client.UnlinkPushAsync(ScaChannel.Authy, access);

        Assert.True(refused.IsStepUpRequired);
        Assert.Equal((403, """{"errorCode":"STEP_UP_REQUIRED"}"""), (raw.Status, raw.Body));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Null(_h.Sandbox.GetUser(TestUsers.Authy).GetFactorStatus(ScaChannel.Authy));
        var again = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.UnlinkPushAsync(ScaChannel.Authy, access));
        Assert.Equal(WeavrErrorCodes.ChannelNotRegistered, again.ErrorCode);
    }

    [Fact]
    public async Task StartPushStepUp_Approved_ReturnsNumericIdAndStepsTheTokenUpWithAnAuthyPushWebhook()
    {
        var access = await AccessAsync(TestUsers.Authy);
        var user = _h.Sandbox.GetUser(TestUsers.Authy);

        var started = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);
        await _h.Sandbox.ApproveAsync(started.Value.Id);
        var webhook = await _receiver.NextAsync();

        Assert.Matches("^[0-9]+$", started.Value.Id);
        Assert.Equal("/stepup/watch", webhook.Path);
        Assert.Equal(
            $$"""{"credential":{"type":"ROOT","id":"{{user.Credential.Id}}"},"identity":{"type":"CONSUMER","id":"{{user.Identity.Id}}"},"challengeId":"{{started.Value.Id}}","type":"AUTHY_PUSH","status":"VERIFIED","publishedTimestamp":"{{webhook.Header("published-timestamp")}}","authToken":""}""",
            webhook.Body);
        Assert.True(webhook.IsSignedWith(_h.Sandbox.ApiKey));
        await _h.Client.UnlinkPushAsync(ScaChannel.Authy, access); // The protected call now passes.
    }

    [Fact]
    public async Task StartPushStepUp_ReissuedWhilePending_ReturnsTheSameId()
    {
        var access = await AccessAsync(TestUsers.Authy);

        var first = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);
        var second = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);

        Assert.Equal(first.Value.Id, second.Value.Id);
    }

    [Fact]
    public async Task StartPushStepUp_Declined_SendsDeclinedWithoutAuthTokenAndTheTokenStaysStandard()
    {
        var access = await AccessAsync(TestUsers.Authy);
        var started = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);

        await _h.Sandbox.DeclineAsync(started.Value.Id);
        var webhook = await _receiver.NextAsync();

        Assert.Equal("DECLINED", webhook.Json.GetProperty("status").GetString());
        Assert.False(webhook.Json.TryGetProperty("authToken", out _));
        Assert.True((await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.UnlinkPushAsync(ScaChannel.Authy, access))).IsStepUpRequired);
        await Assert.ThrowsAsync<WeavrBadRequestException>(() => _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access)); // Observed: answered → 400.
    }

    [Fact]
    public async Task StartPushStepUp_Expired_SendsExpiredAndANewChallengeMayStart()
    {
        var access = await AccessAsync(TestUsers.Authy);
        var started = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);

        await _h.Sandbox.ExpireAsync(started.Value.Id);
        var next = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);

        Assert.Equal("EXPIRED", (await _receiver.NextAsync()).Json.GetProperty("status").GetString());
        Assert.NotEqual(started.Value.Id, next.Value.Id);
    }

    [Fact]
    public async Task PushChallenge_NotAnsweredWithinItsLifetime_ExpiresByItself()
    {
        var access = await AccessAsync(TestUsers.Authy);
        var started = await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, access);

        _h.Time.Advance(TimeSpan.FromMinutes(5));
        var webhook = await _receiver.NextAsync();

        Assert.Equal(started.Value.Id, webhook.Json.GetProperty("challengeId").GetString());
        Assert.Equal("EXPIRED", webhook.Json.GetProperty("status").GetString());
        Assert.Empty(_h.Sandbox.PendingChallenges);
    }

    [Fact]
    public async Task StartPushStepUp_SmsChannel_Answers400()
    {
        var raw = await _h.Raw.PostAsync("/multi/stepup/challenges/push/SMS", token: await _h.Raw.AccessTokenAsync(TestUsers.Authy));

        Assert.Equal(400, raw.Status);
    }

    [Fact]
    public async Task StartPushStepUp_NotEnrolled_Answers409ChannelNotRegistered()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.StartPushStepUpAsync(ScaChannel.Authy, await AccessAsync(TestUsers.Sms)));

        Assert.Equal(WeavrErrorCodes.ChannelNotRegistered, ex.ErrorCode);
    }

    [Fact]
    public async Task StartPushStepUp_Biometric_SendsABiometricWebhook()
    {
        var access = await AccessAsync(TestUsers.Biometric);
        var started = await _h.Client.StartPushStepUpAsync(ScaChannel.Biometric, access);

        await _h.Sandbox.ApproveAsync(started.Value.Id);

        var webhook = await _receiver.NextAsync();
        Assert.Equal("BIOMETRIC", webhook.Json.GetProperty("type").GetString());
        Assert.Equal(string.Empty, webhook.Json.GetProperty("authToken").GetString());
    }

    [Fact]
    public async Task LoginViaBiometrics_Approved_WebhookCarriesAnAuthTokenWhoseExchangeIsSteppedUp()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Biometric);

        var login = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);
        var challenge = await _h.Sandbox.WaitForPendingChallengeAsync(TestUsers.Biometric);
        await _h.Sandbox.ApproveAsync(challenge.Id);
        var webhook = await _receiver.NextAsync();
        var authToken = webhook.Json.GetProperty("authToken").GetString()!;
        var access = await _h.Client.RequestAccessTokenAsync(user.Identity, WeavrCallOptions.WithToken(new(authToken)));

        Assert.Equal(login.Value.ChallengeId, challenge.Id);
        Assert.Equal(SandboxChallengeKind.BiometricLogin, challenge.Kind);
        Assert.Equal("/stepup/watch", webhook.Path);
        Assert.Equal(login.Value.ChallengeId, webhook.Json.GetProperty("challengeId").GetString());
        Assert.Equal("BIOMETRIC", webhook.Json.GetProperty("type").GetString());
        Assert.Equal("VERIFIED", webhook.Json.GetProperty("status").GetString());
        Assert.True(webhook.IsSignedWith(_h.Sandbox.ApiKey));
        Assert.Equal(AccessTokenStatus.SteppedUp, access.Value.Status);
        await _h.Client.UnlinkPushAsync(ScaChannel.Biometric, WeavrCallOptions.WithToken(access.Value.Token)); // Stepped up: allowed.
    }

    [Fact]
    public async Task LoginViaBiometrics_Declined_SendsNoAuthToken()
    {
        var login = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        await _h.Sandbox.DeclineAsync(login.Value.ChallengeId);

        var webhook = await _receiver.NextAsync();
        Assert.Equal("DECLINED", webhook.Json.GetProperty("status").GetString());
        Assert.False(webhook.Json.TryGetProperty("authToken", out _));
    }

    [Fact]
    public async Task LoginViaBiometrics_UnknownEmail_Answers403()
    {
        await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginViaBiometricsAsync("nobody@example.com"));
    }

    [Fact]
    public async Task LoginViaBiometrics_NoBiometricFactor_Answers409ChannelNotRegistered()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.LoginViaBiometricsAsync(TestUsers.Sms));

        Assert.Equal(WeavrErrorCodes.ChannelNotRegistered, ex.ErrorCode);
    }

    [Fact]
    public async Task LoginViaBiometrics_ProgrammeWithoutBiometrics_Answers409ChannelNotSupported()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.BiometricsEnabled = false));

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => h.Client.LoginViaBiometricsAsync(TestUsers.Biometric));

        Assert.Equal(WeavrErrorCodes.ChannelNotSupported, ex.ErrorCode);
    }

    [Fact]
    public async Task AutoApprovePush_On_ApprovesOnceTheAnswerIsSent()
    {
        _h.Sandbox.AutoApprovePush = true;

        var login = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);
        var webhook = await _receiver.NextAsync();

        Assert.Equal(login.Value.ChallengeId, webhook.Json.GetProperty("challengeId").GetString());
        Assert.Equal("VERIFIED", webhook.Json.GetProperty("status").GetString());
        Assert.Empty(_h.Sandbox.PendingChallenges);
    }

    [Fact]
    public async Task WaitForPendingChallengeAsync_BeforeTheChallengeExists_CompletesWhenItIsCreated()
    {
        var waiting = _h.Sandbox.WaitForPendingChallengeAsync(TestUsers.Biometric);
        Assert.False(waiting.IsCompleted);

        var login = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        Assert.Equal(login.Value.ChallengeId, (await waiting.WaitAsync(TimeSpan.FromSeconds(15))).Id);
    }

    [Fact]
    public async Task WaitForPendingChallengeAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        var waiting = _h.Sandbox.WaitForPendingChallengeAsync(TestUsers.Biometric, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task ApproveAsync_AnsweredOrUnknownChallenge_Throws()
    {
        var login = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);
        await _h.Sandbox.ApproveAsync(login.Value.ChallengeId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Sandbox.DeclineAsync(login.Value.ChallengeId));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Sandbox.ApproveAsync("999"));
    }

    [Fact]
    public async Task Webhooks_EachDelivery_HasAUniqueCallRef()
    {
        var first = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);
        var second = await _h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        await _h.Sandbox.ApproveAsync(first.Value.ChallengeId);
        await _h.Sandbox.DeclineAsync(second.Value.ChallengeId);

        Assert.NotEqual((await _receiver.NextAsync()).Header("call-ref"), (await _receiver.NextAsync()).Header("call-ref"));
    }

    [Fact]
    public async Task Webhooks_NoWebhookUrl_AreRecordedButNotSent()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        var login = await h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        var delivery = await h.Sandbox.ApproveAsync(login.Value.ChallengeId);

        Assert.Null(delivery.Url);
        Assert.Null(delivery.StatusCode);
        Assert.Contains(login.Value.ChallengeId, delivery.Body, StringComparison.Ordinal);
        Assert.Same(delivery, Assert.Single(h.Sandbox.WebhookDeliveries));
    }

    private async Task<WeavrCallOptions> AccessAsync(string email)
    {
        var auth = (await _h.Client.LoginWithPasswordAsync(email, SandboxUser.DefaultPassword)).Value.Token;
        var access = await _h.Client.RequestAccessTokenAsync(_h.Sandbox.GetUser(email).Identity, WeavrCallOptions.WithToken(auth));
        return WeavrCallOptions.WithToken(access.Value.Token);
    }
}
