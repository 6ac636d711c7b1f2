using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed partial class WeavrSessionTests
{
    private const string StepUpRequired = """{"errorCode":"STEP_UP_REQUIRED"}""";

    [Fact]
    public async Task StepUpAsync_OtpVerified_SameTokenBecomesSteppedUp()
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS").WithHeader("Authorization", "Bearer access-1"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify").WithHeader("Authorization", "Bearer access-1"), Status(204));
        var session = await _host.SignInAsync();
        var transitions = Record(session);
        _host.Codes.Enqueue("123456");

        var result = await session.StepUpAsync();

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(ScaChannel.Sms, result.Channel);
        Assert.Equal(1, result.CodeAttempts);
        Assert.Equal("rr-204", result.RequestRef);
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Equal(AccessTokenStatus.SteppedUp, session.TokenStatus);
        Assert.Equal("access-1", session.Token!.Reveal());
        Assert.Equal(["Access>SteppedUp"], transitions);
        Assert.Equal("""{"verificationCode":"123456"}""", _host.Requests("/stepup/challenges/otp/SMS/verify").Single().RequestMessage!.Body);
        var asked = Assert.Single(_host.Codes.Requests);
        Assert.Equal(new OtpCodeRequest { UserKey = UserKey, Channel = ScaChannel.Sms, Purpose = OtpPurpose.StepUp, Attempt = 1, Identity = Consumer11 }, asked);

        var before = _host.RequestCount;
        Assert.Equal(ChallengeOutcome.AlreadyVerified, (await session.StepUpAsync()).Outcome);
        Assert.Equal(before, _host.RequestCount);
    }

    [Fact]
    public async Task StepUpAsync_WrongCodeThenOneLimitRemaining_AsksAgainAndVerifies()
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204), state: "1");
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Conflict(WeavrErrorCodes.VerificationCodeInvalid), state: "1", next: "2");
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Conflict(WeavrErrorCodes.OneChallengeLimitRemaining), state: "2", next: "3");
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Status(204), state: "3", next: "done");
        var session = await _host.SignInAsync();
        _host.SetState("1");
        _host.Codes.Enqueue("111111", "222222", "123456");

        var result = await session.StepUpAsync();

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal(3, result.CodeAttempts);
        Assert.Equal([null, ChallengeOutcome.VerificationCodeInvalid, ChallengeOutcome.OneChallengeLimitRemaining], _host.Codes.Requests.Select(r => r.PreviousOutcome));
        Assert.Equal([1, 2, 3], _host.Codes.Requests.Select(r => r.Attempt));
        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS"));
        Assert.Equal(
            ["111111", "222222", "123456"],
            _host.Requests("/stepup/challenges/otp/SMS/verify").Select(e => System.Text.Json.JsonDocument.Parse(e.RequestMessage!.Body!).RootElement.GetProperty("verificationCode").GetString()));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    [Fact]
    public async Task StepUpAsync_ChallengeLimitExceededOnVerify_ReturnsOutcomeAndStaysAccess()
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Conflict(WeavrErrorCodes.ChallengeLimitExceeded));
        var session = await _host.SignInAsync();
        _host.Codes.Enqueue("111111", "123456");

        var result = await session.StepUpAsync();

        Assert.Equal(ChallengeOutcome.ChallengeLimitExceeded, result.Outcome);
        Assert.Equal(WeavrErrorCodes.ChallengeLimitExceeded, result.ErrorCode);
        Assert.False(result.Succeeded);
        Assert.False(result.CanVerifyAgain);
        Assert.Single(_host.Codes.Requests);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Theory]
    [InlineData("12ab56")]
    [InlineData("123456\n")]
    public async Task StepUpAsync_MistypedCode_RefusedLocallyWithoutSpendingAnAttempt(string mistyped)
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Status(204));
        var session = await _host.SignInAsync();
        _host.Codes.Enqueue(mistyped, "123456");

        var result = await session.StepUpAsync();

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal(2, result.CodeAttempts);
        Assert.Equal(ChallengeOutcome.VerificationCodeInvalid, _host.Codes.Requests.Last().PreviousOutcome);
        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS/verify"));
    }

    [Fact]
    public async Task StepUpAsync_CodeProviderGivesUp_CodeNotProvided()
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        var session = await _host.SignInAsync();
        _host.Codes.Enqueue((string?)null);

        var result = await session.StepUpAsync();

        Assert.Equal(ChallengeOutcome.CodeNotProvided, result.Outcome);
        Assert.Equal(0, result.CodeAttempts);
        Assert.Empty(_host.Requests("/stepup/challenges/otp/SMS/verify"));
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Theory]
    [InlineData(WeavrErrorCodes.RetryIn15Sec, ChallengeOutcome.RetryIn15Seconds, 15)]
    [InlineData(WeavrErrorCodes.ChallengeLimitExceeded, ChallengeOutcome.ChallengeLimitExceeded, null)]
    [InlineData(WeavrErrorCodes.ChannelNotRegistered, ChallengeOutcome.ChannelNotRegistered, null)]
    [InlineData("SOMETHING_NEW", ChallengeOutcome.Rejected, null)]
    public async Task StepUpAsync_ChallengeRefused_ReturnsOutcomeWithoutAskingForACode(string errorCode, ChallengeOutcome expected, int? retryAfterSeconds)
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Conflict(errorCode));
        var session = await _host.SignInAsync();

        var result = await session.StepUpAsync();

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal("rr-409", result.RequestRef);
        Assert.Equal(retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null, result.RetryAfter);
        Assert.Empty(_host.Codes.Requests);
        Assert.Empty(_host.Requests("/stepup/challenges/otp/SMS/verify"));
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task VerifyOtpStepUpAsync_TwoRequestFlowAlreadyVerified_TreatedAsSuccess()
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Conflict(WeavrErrorCodes.AlreadyVerified));
        var session = await _host.SignInAsync();

        var sent = await session.StartOtpStepUpAsync();
        Assert.Equal(ChallengeOutcome.Sent, sent.Outcome);
        Assert.Equal(WeavrSessionState.Access, session.State);
        var verified = await session.VerifyOtpStepUpAsync("123456");

        Assert.Equal(ChallengeOutcome.AlreadyVerified, verified.Outcome);
        Assert.True(verified.Succeeded);
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Empty(_host.Codes.Requests);
    }

    [Theory]
    [InlineData(WeavrErrorCodes.VerificationCodeExpired, ChallengeOutcome.VerificationCodeExpired, false)]
    [InlineData(WeavrErrorCodes.VerificationCodeInvalid, ChallengeOutcome.VerificationCodeInvalid, true)]
    [InlineData(WeavrErrorCodes.OneChallengeLimitRemaining, ChallengeOutcome.OneChallengeLimitRemaining, true)]
    [InlineData(WeavrErrorCodes.StateInvalid, ChallengeOutcome.StateInvalid, false)]
    public async Task VerifyOtpStepUpAsync_Refused_ReturnsOutcome(string errorCode, ChallengeOutcome expected, bool canVerifyAgain)
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Conflict(errorCode));
        var session = await _host.SignInAsync();

        var result = await session.VerifyOtpStepUpAsync("654321");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(canVerifyAgain, result.CanVerifyAgain);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task StepUpWithOtpAsync_NoCodeProvider_ThrowsTypedAndSendsNothing()
    {
        // Push as the automatic method lets the host start without a provider; an explicit OTP step-up still needs one.
        using var host = new SessionTestHost(o => o.StepUpMethod = StepUpMethod.Push, withCodeProvider: false);
        var session = await host.SignInAsync();
        var before = host.RequestCount;

        var ex = await Assert.ThrowsAsync<WeavrSessionException>(() => session.StepUpWithOtpAsync());

        Assert.Contains(nameof(IOtpCodeProvider), ex.Message);
        Assert.Equal(before, host.RequestCount);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task StepUpWithPushAsync_Verified_StepsUpWhenTheWebhookArrives()
    {
        _host.Stub(Post("/stepup/challenges/push/AUTHY").WithHeader("Authorization", "Bearer access-1"), Json(200, """{"id":"555"}"""));
        var session = await _host.SignInAsync();

        var stepUp = session.StepUpWithPushAsync();
        await _host.AwaitedAsync("555", stepUp);
        Assert.False(stepUp.IsCompleted);
        await _host.Sink.HandleAsync(StepUp("555", WebhookChallengeStatus.Verified), CancellationToken.None);
        var result = await stepUp;

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal("555", result.ChallengeId);
        Assert.Equal(ScaChannel.Authy, result.Channel);
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Fact]
    public async Task StepUpWithPushAsync_BiometricChannel_PostsToBiometric()
    {
        _host.Stub(Post("/stepup/challenges/push/BIOMETRIC"), Json(200, """{"id":"556"}"""));
        var session = await _host.SignInAsync();

        var stepUp = session.StepUpWithPushAsync(ScaChannel.Biometric);
        await _host.AwaitedAsync("556", stepUp);
        await _host.Sink.HandleAsync(StepUp("556", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric), CancellationToken.None);

        Assert.Equal(ScaChannel.Biometric, (await stepUp).Channel);
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        await Assert.ThrowsAsync<ArgumentException>(() => session.StepUpWithPushAsync(ScaChannel.Sms));
    }

    [Theory]
    [InlineData("DECLINED", ChallengeOutcome.Declined)]
    [InlineData("EXPIRED", ChallengeOutcome.Expired)]
    [InlineData("WITHDRAWN", ChallengeOutcome.Rejected)]
    public async Task StepUpWithPushAsync_NotVerified_ReturnsOutcomeAndStaysAccess(string status, ChallengeOutcome expected)
    {
        _host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"557"}"""));
        var session = await _host.SignInAsync();

        var stepUp = session.StepUpWithPushAsync();
        await _host.AwaitedAsync("557", stepUp);
        await _host.Sink.HandleAsync(StepUp("557", new WebhookChallengeStatus(status)), CancellationToken.None);
        var result = await stepUp;

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == ChallengeOutcome.Rejected ? status : null, result.ErrorCode);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task StepUpWithPushAsync_NoAnswer_TimesOutExactlyAtThePushTimeout()
    {
        _host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"558"}"""));
        var session = await _host.SignInAsync();

        var stepUp = session.StepUpWithPushAsync();
        await _host.AwaitedAsync("558", stepUp);
        _host.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.False(stepUp.IsCompleted);
        _host.Time.Advance(TimeSpan.FromTicks(1));
        var result = await stepUp;

        Assert.Equal(ChallengeOutcome.TimedOut, result.Outcome);
        Assert.Equal("558", result.ChallengeId);
        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal(0, _host.Challenges.Count);

        // A late answer is harmless: it is kept briefly for nobody, then forgotten.
        await _host.Sink.HandleAsync(StepUp("558", WebhookChallengeStatus.Verified), CancellationToken.None);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task StepUpWithPushAsync_WebhookBeforeTheChallengeAnswer_IsNotLost()
    {
        _host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"559"}"""));
        var session = await _host.SignInAsync();
        await _host.Sink.HandleAsync(StepUp("559", WebhookChallengeStatus.Verified), CancellationToken.None);

        var result = await session.StepUpWithPushAsync();

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    [Fact]
    public async Task StepUpWithPushAsync_CallerCancels_StopsWaitingAndUnregisters()
    {
        _host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"560"}"""));
        var session = await _host.SignInAsync();
        using var cts = new CancellationTokenSource();

        var stepUp = session.StepUpWithPushAsync(cancellationToken: cts.Token);
        await _host.AwaitedAsync("560", stepUp);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stepUp);
        await WaitUntilAsync(() => _host.Challenges.Count == 0);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_StepUpRequired_StepsUpAndReplaysOnceWithSameIdempotencyRef()
    {
        var session = await GivenStepUpRequiredAsync(Delete, "/authentication_factors/push/AUTHY");
        var signIn = _host.RequestCount;

        var response = await session.ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(ScaChannel.Authy, options, ct));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var flow = _host.Server.LogEntries.Skip(signIn).ToList();
        Assert.Equal(
            ["DELETE /authentication_factors/push/AUTHY", "POST /stepup/challenges/otp/SMS", "POST /stepup/challenges/otp/SMS/verify", "DELETE /authentication_factors/push/AUTHY"],
            _host.Paths().Skip(signIn));
        var first = Header(flow[0], "idempotency-ref");
        Assert.False(string.IsNullOrEmpty(first));
        Assert.Equal(first, Header(flow[3], "idempotency-ref"));
        Assert.Equal(first, response.IdempotencyRef);
        Assert.NotEqual(first, Header(flow[1], "idempotency-ref"));
        Assert.NotEqual(first, Header(flow[2], "idempotency-ref"));
        Assert.All(flow, e => Assert.Equal("Bearer access-1", Header(e, "Authorization")));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_CallersIdempotencyRef_IsSentOnBothAttempts()
    {
        var session = await GivenStepUpRequiredAsync(Post, "/authentication_factors/push/AUTHY");

        await session.ExecuteAsync((client, options, ct) => client.EnrolPushAsync(ScaChannel.Authy, options, ct), "my-ref-42");

        Assert.Equal(["my-ref-42", "my-ref-42"], _host.Requests("/authentication_factors/push/AUTHY").Select(e => Header(e, "idempotency-ref")));
    }

    [Fact]
    public async Task UnlinkPushAsync_PushStepUpDeclined_ThrowsStepUpFailedWithoutReplay()
    {
        using var host = new SessionTestHost(o => o.StepUpMethod = StepUpMethod.Push);
        host.Stub(Delete("/authentication_factors/push/BIOMETRIC"), Json(403, StepUpRequired));
        host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"600"}"""));
        var session = await host.SignInAsync();

        var unlink = session.UnlinkPushAsync(ScaChannel.Biometric);
        await host.AwaitedAsync("600", unlink);
        await host.Sink.HandleAsync(StepUp("600", WebhookChallengeStatus.Declined), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<WeavrStepUpFailedException>(() => unlink);

        Assert.Equal(ChallengeOutcome.Declined, ex.Result.Outcome);
        Assert.Equal("600", ex.Result.ChallengeId);
        Assert.True(Assert.IsType<WeavrForbiddenException>(ex.InnerException).IsStepUpRequired);
        Assert.Equal(WeavrSessionState.Access, ex.State);
        Assert.Single(host.Requests("/authentication_factors/push/BIOMETRIC"));
    }

    [Fact]
    public async Task UnlinkPushAsync_PushStepUpVerified_ReplaysOnce()
    {
        using var host = new SessionTestHost(o => o.StepUpMethod = StepUpMethod.Push);
        host.Stub(Delete("/authentication_factors/push/AUTHY"), Json(403, StepUpRequired), state: "standard");
        host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"601"}"""), state: "standard");
        host.Stub(Delete("/authentication_factors/push/AUTHY"), Status(204), state: "stepped-up");
        var session = await host.SignInAsync();
        host.SetState("standard");

        var unlink = session.UnlinkPushAsync(ScaChannel.Authy);
        await host.AwaitedAsync("601", unlink);
        host.SetState("stepped-up");
        await host.Sink.HandleAsync(StepUp("601", WebhookChallengeStatus.Verified), CancellationToken.None);
        await unlink;

        var unlinks = host.Requests("/authentication_factors/push/AUTHY", "DELETE");
        Assert.Equal(2, unlinks.Count);
        Assert.Equal(Header(unlinks[0], "idempotency-ref"), Header(unlinks[1], "idempotency-ref"));
        Assert.Single(host.Requests("/stepup/challenges/push/AUTHY"));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Bounded by iterations, not by time: cleanup runs on the thread pool right after the cancellation.
        for (var i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition());
    }

    /// <summary>A signed-in session whose <paramref name="path"/> Weavr refuses with STEP_UP_REQUIRED until an SMS step-up with code 123456.</summary>
    private async Task<IWeavrSession> GivenStepUpRequiredAsync(Func<string, WireMock.RequestBuilders.IRequestBuilder> method, string path)
    {
        _host.Stub(method(path), Json(403, StepUpRequired), state: "standard");
        _host.StubSmsStepUp();
        _host.Stub(method(path), Status(204), state: "stepped-up");
        var session = await _host.SignInAsync();
        _host.SetState("standard");
        _host.Codes.Enqueue("123456");
        return session;
    }
}
