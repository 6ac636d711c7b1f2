using AuthClient.Errors;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests;

public sealed class WeavrSandboxOtpTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b.WithTestUsers());

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task EnrolOtp_ThenVerifyWith123456_FactorGoesFromPendingToActive()
    {
        var access = await AccessAsync(TestUsers.Plain);

        await _h.Client.EnrolOtpAsync(ScaChannel.Sms, access);
        var pending = await _h.Client.GetAuthenticationFactorsAsync(access);
        await _h.Client.VerifyOtpEnrolmentAsync(ScaChannel.Sms, "123456", access);
        var active = await _h.Client.GetAuthenticationFactorsAsync(access);

        var factor = Assert.Single(pending.Value.Factors);
        Assert.Equal((ScaChallengeType.Otp, ScaChannel.Sms, ScaFactorStatus.PendingVerification), (factor.Type, factor.Channel, factor.Status));
        Assert.Equal(ScaFactorStatus.Active, Assert.Single(active.Value.Factors).Status);
        Assert.Equal(ScaFactorStatus.Active, _h.Sandbox.GetUser(TestUsers.Plain).GetFactorStatus(ScaChannel.Sms));
    }

    [Fact]
    public async Task GetAuthenticationFactors_NoFactors_ReturnsAnEmptyList()
    {
        var raw = await _h.Raw.GetAsync("/multi/authentication_factors", await _h.Raw.AccessTokenAsync(TestUsers.Plain));

        Assert.Equal("""{"factors":[]}""", raw.Body);
    }

    [Fact]
    public async Task EnrolOtp_UserWithoutMobile_Answers409MobileNumberNotAvailable()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.EnrolOtpAsync(ScaChannel.Sms, await AccessAsync(TestUsers.NoMobile)));

        Assert.Equal(WeavrErrorCodes.MobileNumberNotAvailable, ex.ErrorCode);
    }

    [Fact]
    public async Task EnrolOtp_AlreadyActive_Answers409ChannelAlreadyRegistered()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.EnrolOtpAsync(ScaChannel.Sms, await AccessAsync(TestUsers.Sms)));

        Assert.Equal(WeavrErrorCodes.ChannelAlreadyRegistered, ex.ErrorCode);
    }

    [Fact]
    public async Task EnrolOtp_AgainWhilePending_Answers204AndRestartsTheCodeLifetime()
    {
        var access = await AccessAsync(TestUsers.Plain);
        await _h.Client.EnrolOtpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromMinutes(4));

        var again = await _h.Client.EnrolOtpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromMinutes(4)); // 8 minutes after the first code, 4 after the second.

        Assert.Equal(System.Net.HttpStatusCode.NoContent, again.StatusCode);
        await _h.Client.VerifyOtpEnrolmentAsync(ScaChannel.Sms, "123456", access);
    }

    [Fact]
    public async Task VerifyOtpEnrolment_WrongCodes_FollowTheAttemptLimitSequence()
    {
        var access = await AccessAsync(TestUsers.Plain);
        await _h.Client.EnrolOtpAsync(ScaChannel.Sms, access);

        var codes = await VerifyManyAsync(c => _h.Client.VerifyOtpEnrolmentAsync(ScaChannel.Sms, c, access), "111111", "222222", "333333", "123456");

        Assert.Equal([WeavrErrorCodes.VerificationCodeInvalid, WeavrErrorCodes.OneChallengeLimitRemaining, WeavrErrorCodes.ChallengeLimitExceeded, WeavrErrorCodes.StateInvalid], codes);
        Assert.Equal(ScaFactorStatus.PendingVerification, _h.Sandbox.GetUser(TestUsers.Plain).GetFactorStatus(ScaChannel.Sms));
    }

    [Fact]
    public async Task VerifyOtpEnrolment_AfterFiveMinutes_Answers409VerificationCodeExpired()
    {
        var access = await AccessAsync(TestUsers.Plain);
        await _h.Client.EnrolOtpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromMinutes(3));
        await _h.Client.GetAuthenticationFactorsAsync(access); // Keep the token alive.
        _h.Time.Advance(TimeSpan.FromMinutes(2));

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.VerifyOtpEnrolmentAsync(ScaChannel.Sms, "123456", access));

        Assert.Equal(WeavrErrorCodes.VerificationCodeExpired, ex.ErrorCode);
    }

    [Fact]
    public async Task VerifyOtpEnrolment_WithoutEnrolment_Answers409StateInvalid()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.VerifyOtpEnrolmentAsync(ScaChannel.Sms, "123456", await AccessAsync(TestUsers.Plain)));

        Assert.Equal(WeavrErrorCodes.StateInvalid, ex.ErrorCode);
    }

    [Fact]
    public async Task StartOtpStepUp_SmsNotActive_Answers409ChannelNotRegistered()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, await AccessAsync(TestUsers.Plain)));

        Assert.Equal(WeavrErrorCodes.ChannelNotRegistered, ex.ErrorCode);
    }

    [Fact]
    public async Task StartOtpStepUp_ReissuedWithin15Seconds_Answers409RetryIn15Sec_AndAfter15SecondsAnswers204()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);

        _h.Time.Advance(TimeSpan.FromSeconds(15) - TimeSpan.FromMilliseconds(1));
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access));
        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var again = await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);

        Assert.Equal(WeavrErrorCodes.RetryIn15Sec, ex.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task StartOtpStepUp_ThirdChallengeForTheSameToken_Answers400()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromSeconds(15));
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromSeconds(15));

        await Assert.ThrowsAsync<WeavrBadRequestException>(() => _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access));
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, await AccessAsync(TestUsers.Sms)); // A new token starts afresh.
    }

    [Fact]
    public async Task VerifyOtpStepUp_Correct_StepsTheSameTokenUp()
    {
        var access = await AccessAsync(TestUsers.Sms);
        var before = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.UnlinkPushAsync(ScaChannel.Biometric, access));
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);

        var verify = await _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, verify.StatusCode);
        Assert.True(before.IsStepUpRequired);
        var after = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.UnlinkPushAsync(ScaChannel.Biometric, access));
        Assert.Equal(WeavrErrorCodes.ChannelNotRegistered, after.ErrorCode); // Past the step-up check with the same token.
    }

    [Fact]
    public async Task FactorsRequireStepUp_FactorListAnswers403UntilTheTokenIsSteppedUp_ThenEveryTime200()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.FactorsRequireStepUp = true));
        var auth = (await h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword)).Value.Token;
        var access = WeavrCallOptions.WithToken((await h.Client.RequestAccessTokenAsync(h.Sandbox.GetUser(TestUsers.Sms).Identity, WeavrCallOptions.WithToken(auth))).Value.Token);

        var refused = await Assert.ThrowsAsync<WeavrForbiddenException>(() => h.Client.GetAuthenticationFactorsAsync(access));
        await h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        await h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access);

        Assert.True(refused.IsStepUpRequired);
        Assert.NotEmpty((await h.Client.GetAuthenticationFactorsAsync(access)).Value.Factors);
        Assert.NotEmpty((await h.Client.GetAuthenticationFactorsAsync(access)).Value.Factors); // repeatable, unlike an unlink
    }

    [Fact]
    public async Task VerifyOtpStepUp_WrongCodes_FollowTheAttemptLimitSequence()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);

        var codes = await VerifyManyAsync(c => _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, c, access), "000000", "000001", "000002", "123456", "123456");

        Assert.Equal(
            [WeavrErrorCodes.VerificationCodeInvalid, WeavrErrorCodes.OneChallengeLimitRemaining, WeavrErrorCodes.ChallengeLimitExceeded, WeavrErrorCodes.StateInvalid, WeavrErrorCodes.StateInvalid],
            codes);
    }

    [Fact]
    public async Task VerifyOtpStepUp_FiveAttemptsConfigured_AnswersInvalidThenRemainingThenExceeded()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.OtpAttemptLimit = 5));
        var access = await h.Raw.AccessTokenAsync(TestUsers.Sms);
        await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access);

        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"999999"}""", access)).Get("errorCode"));
        }

        Assert.Equal(
            [WeavrErrorCodes.VerificationCodeInvalid, WeavrErrorCodes.VerificationCodeInvalid, WeavrErrorCodes.VerificationCodeInvalid,
             WeavrErrorCodes.OneChallengeLimitRemaining, WeavrErrorCodes.ChallengeLimitExceeded, WeavrErrorCodes.StateInvalid],
            codes);
    }

    [Fact]
    public async Task VerifyOtpStepUp_CorrectCodeOnTheLastAllowedAttempt_Succeeds()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);

        var codes = await VerifyManyAsync(c => _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, c, access), "000000", "000001", "123456");

        Assert.Equal([WeavrErrorCodes.VerificationCodeInvalid, WeavrErrorCodes.OneChallengeLimitRemaining, null], codes);
    }

    [Fact]
    public async Task VerifyOtpStepUp_At4Minutes59_Succeeds()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromMinutes(2));
        await _h.Client.GetAuthenticationFactorsAsync(access);
        _h.Time.Advance(TimeSpan.FromSeconds(179));

        await _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access);
    }

    [Fact]
    public async Task VerifyOtpStepUp_AtFiveMinutes_Answers409VerificationCodeExpired()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        _h.Time.Advance(TimeSpan.FromMinutes(2));
        await _h.Client.GetAuthenticationFactorsAsync(access); // The token slides; the challenge does not.
        _h.Time.Advance(TimeSpan.FromMinutes(3));

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access));

        Assert.Equal(WeavrErrorCodes.VerificationCodeExpired, ex.ErrorCode);
    }

    [Fact]
    public async Task VerifyOtpStepUp_SecondVerify_Answers409AlreadyVerified()
    {
        var access = await AccessAsync(TestUsers.Sms);
        await _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        await _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access);

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", access));

        Assert.Equal(WeavrErrorCodes.AlreadyVerified, ex.ErrorCode);
    }

    [Fact]
    public async Task VerifyOtpStepUp_WithoutChallenge_Answers409StateInvalid()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(async () => await _h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", await AccessAsync(TestUsers.Sms)));

        Assert.Equal(WeavrErrorCodes.StateInvalid, ex.ErrorCode);
    }

    [Theory]
    [InlineData("12345", "request.verificationCode: size must be between 6 and 6")]
    [InlineData("1234567", "request.verificationCode: size must be between 6 and 6")]
    [InlineData("12a456", "request.verificationCode: must match \\\"^[0-9]*$\\\"")]
    public async Task VerifyOtpStepUp_MalformedCode_Answers400WithTheObservedMessage(string code, string message)
    {
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Sms);
        await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access);

        var raw = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", $$"""{"verificationCode":"{{code}}"}""", access);

        Assert.Equal(400, raw.Status);
        Assert.Equal($$"""{"message":"{{message}}"}""", raw.Body);
    }

    [Fact]
    public async Task OtpCode_Configured_IsTheOneAccepted()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.OtpCode = "654321"));
        var access = await h.Raw.AccessTokenAsync(TestUsers.Sms);
        await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access);

        var wrong = await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"123456"}""", access);
        var right = await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"654321"}""", access);

        Assert.Equal("VERIFICATION_CODE_INVALID", wrong.Get("errorCode"));
        Assert.Equal(204, right.Status);
    }

    [Theory]
    [InlineData("/multi/stepup/challenges/otp/AUTHY")]
    [InlineData("/multi/authentication_factors/otp/EMAIL")]
    public async Task OtpPath_ChannelOtherThanSms_Answers400(string path)
    {
        var raw = await _h.Raw.PostAsync(path, token: await _h.Raw.AccessTokenAsync(TestUsers.Sms));

        Assert.Equal(400, raw.Status);
    }

    private async Task<WeavrCallOptions> AccessAsync(string email)
    {
        var auth = (await _h.Client.LoginWithPasswordAsync(email, SandboxUser.DefaultPassword)).Value.Token;
        var access = await _h.Client.RequestAccessTokenAsync(_h.Sandbox.GetUser(email).Identity, WeavrCallOptions.WithToken(auth));
        return WeavrCallOptions.WithToken(access.Value.Token);
    }

    private static async Task<List<string?>> VerifyManyAsync(Func<string, Task> verify, params string[] codes)
    {
        var results = new List<string?>();
        foreach (var code in codes)
        {
            try
            {
                await verify(code);
                results.Add(null);
            }
            catch (WeavrConflictException ex)
            {
                results.Add(ex.ErrorCode);
            }
        }

        return results;
    }
}
