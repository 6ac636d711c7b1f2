using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using WireMock.ResponseBuilders;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed partial class WeavrSessionTests
{
    [Fact]
    public async Task GetAuthenticationFactorsAsync_ReturnsTheFactors()
    {
        _host.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer access-1"),
            Json(200, """{"factors":[{"type":"OTP","status":"ACTIVE","channel":"SMS"},{"type":"PUSH","status":"PENDING_VERIFICATION","channel":"AUTHY"}]}"""));
        var session = await _host.SignInAsync();

        var factors = await session.GetAuthenticationFactorsAsync();

        Assert.Equal(2, factors.Count);
        Assert.Equal(new ScaFactor { Type = ScaChallengeType.Otp, Status = ScaFactorStatus.Active, Channel = ScaChannel.Sms }, factors[0]);
        Assert.Equal(ScaFactorStatus.PendingVerification, factors[1].Status);
    }

    [Fact]
    public async Task EnrolSmsOtpAsync_CodeFromProvider_ActivatesTheFactor()
    {
        _host.Stub(Post("/authentication_factors/otp/SMS").WithHeader("Authorization", "Bearer access-1"), Status(204));
        _host.Stub(Post("/authentication_factors/otp/SMS/verify").WithHeader("Authorization", "Bearer access-1"), Conflict(WeavrErrorCodes.VerificationCodeInvalid), state: "1", next: "2");
        _host.Stub(Post("/authentication_factors/otp/SMS/verify").WithHeader("Authorization", "Bearer access-1"), Status(204), state: "2", next: "done");
        var session = await _host.SignInAsync();
        _host.SetState("1");
        _host.Codes.Enqueue("000000", "123456");

        var result = await session.EnrolSmsOtpAsync();

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal(2, result.CodeAttempts);
        Assert.All(_host.Codes.Requests, r => Assert.Equal(OtpPurpose.Enrolment, r.Purpose));
        Assert.Equal(2, _host.Requests("/authentication_factors/otp/SMS/verify").Count);
        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.NotNull(Header(_host.Requests("/authentication_factors/otp/SMS")[0], "idempotency-ref"));
    }

    [Fact]
    public async Task StartSmsOtpEnrolmentAsync_AlreadyRegistered_ReturnsOutcome()
    {
        _host.Stub(Post("/authentication_factors/otp/SMS"), Conflict(WeavrErrorCodes.ChannelAlreadyRegistered));
        var session = await _host.SignInAsync();

        var result = await session.EnrolSmsOtpAsync();

        Assert.Equal(ChallengeOutcome.ChannelAlreadyRegistered, result.Outcome);
        Assert.Empty(_host.Codes.Requests);
    }

    [Fact]
    public async Task VerifySmsOtpEnrolmentAsync_ExplicitCode_Verifies()
    {
        _host.Stub(Post("/authentication_factors/otp/SMS/verify"), Status(204));
        var session = await _host.SignInAsync();

        var result = await session.VerifySmsOtpEnrolmentAsync("123456");

        Assert.Equal(ChallengeOutcome.Verified, result.Outcome);
        Assert.Equal("""{"verificationCode":"123456"}""", _host.Requests("/authentication_factors/otp/SMS/verify").Single().RequestMessage!.Body);
    }

    [Theory]
    [InlineData("ACTIVE", ChallengeOutcome.Verified)]
    [InlineData("INACTIVE", ChallengeOutcome.Declined)]
    public async Task EnrolAuthyPushAsync_EnrolmentWebhook_CompletesTheEnrolment(string status, ChallengeOutcome expected)
    {
        _host.Stub(Post("/authentication_factors/push/AUTHY").WithHeader("Authorization", "Bearer access-1"), Status(204));
        var session = await _host.SignInAsync();

        var enrol = session.EnrolAuthyPushAsync();
        await _host.EnrolmentAwaitedAsync(Root77, enrol);
        Assert.False(enrol.IsCompleted);
        await _host.Sink.HandleAsync(Enrolment(new ScaFactorStatus(status)), CancellationToken.None);
        var result = await enrol;

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(ScaChannel.Authy, result.Channel);
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Fact]
    public async Task EnrolAuthyPushAsync_WebhookBeforeTheAnswer_IsNotLost()
    {
        var sink = _host.Sink;
        _host.Stub(Post("/authentication_factors/push/AUTHY"), Response.Create().WithCallback(async _ =>
        {
            await sink.HandleAsync(Enrolment(ScaFactorStatus.Active), CancellationToken.None);
            return new WireMock.ResponseMessage { StatusCode = 204 };
        }));
        var session = await _host.SignInAsync();

        Assert.Equal(ChallengeOutcome.Verified, (await session.EnrolAuthyPushAsync()).Outcome);
    }

    [Fact]
    public async Task EnrolAuthyPushAsync_BiometricEnrolmentEventOfTheSameCredential_DoesNotCompleteIt()
    {
        _host.Stub(Post("/authentication_factors/push/AUTHY"), Status(204));
        var session = await _host.SignInAsync();

        var enrol = session.EnrolAuthyPushAsync(TimeSpan.FromMinutes(1));
        await _host.EnrolmentAwaitedAsync(Root77, enrol);
        await _host.Sink.HandleAsync(Enrolment(ScaFactorStatus.Active, "BIOMETRIC"), CancellationToken.None);
        Assert.False(enrol.IsCompleted);
        await _host.Sink.HandleAsync(Enrolment(ScaFactorStatus.Inactive, "AUTHY"), CancellationToken.None);

        var result = await enrol;
        Assert.Equal(ChallengeOutcome.Declined, result.Outcome);
    }

    [Fact]
    public async Task EnrolAuthyPushAsync_NoAnswer_TimesOut()
    {
        _host.Stub(Post("/authentication_factors/push/AUTHY"), Status(204));
        var session = await _host.SignInAsync();

        var enrol = session.EnrolAuthyPushAsync(TimeSpan.FromMinutes(1));
        await _host.EnrolmentAwaitedAsync(Root77, enrol);
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(ChallengeOutcome.TimedOut, (await enrol).Outcome);
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Fact]
    public async Task EnrolAuthyPushAsync_Refused_ReturnsOutcomeAndUnregisters()
    {
        _host.Stub(Post("/authentication_factors/push/AUTHY"), Conflict(WeavrErrorCodes.ChannelAlreadyRegistered));
        var session = await _host.SignInAsync();

        var result = await session.EnrolAuthyPushAsync();

        Assert.Equal(ChallengeOutcome.ChannelAlreadyRegistered, result.Outcome);
        Assert.Equal(0, _host.Challenges.Count);
    }

    [Fact]
    public async Task UnlinkPushAsync_NotRegistered_ThrowsConflict()
    {
        _host.Stub(Delete("/authentication_factors/push/AUTHY"), Conflict(WeavrErrorCodes.ChannelNotRegistered));
        var session = await _host.SignInAsync();

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => session.UnlinkPushAsync(ScaChannel.Authy));

        Assert.Equal(WeavrErrorCodes.ChannelNotRegistered, ex.ErrorCode);
        Assert.Throws<ArgumentException>(() => { _ = session.UnlinkPushAsync(ScaChannel.Sms); });
    }

    private static EnrolmentEvent Enrolment(ScaFactorStatus status, string type = "AUTHY") => new()
    {
        CallRef = "enrol-" + type + "-" + status,
        PublishedAt = Start,
        Type = type,
        Status = status,
        CredentialId = Root77,
    };
}
