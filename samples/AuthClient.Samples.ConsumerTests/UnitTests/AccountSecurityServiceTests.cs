using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing.Fakes;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of the app's <see cref="AccountSecurityService"/> with a <see cref="FakeWeavrAuthClient"/>.</summary>
public sealed class AccountSecurityServiceTests
{
    private static readonly Secret AccessToken = new("access-token");
    private readonly FakeWeavrAuthClient _weavr = new();
    private readonly AccountSecurityService _security;

    public AccountSecurityServiceTests() => _security = new AccountSecurityService(_weavr);

    [Fact]
    public async Task EnsureSmsOtpAsync_SmsAlreadyActive_SendsNoCode()
    {
        _weavr.OnGetAuthenticationFactors = _ => WeavrResults.Factors(WeavrResults.Factor(ScaChannel.Sms));

        var outcome = await _security.EnsureSmsOtpAsync(AccessToken);

        Assert.Equal(SmsEnrolmentOutcome.AlreadyActive, outcome);
        Assert.Equal(new WeavrCall(WeavrOperation.GetAuthenticationFactors) { Token = AccessToken }, Assert.Single(_weavr.Calls));
    }

    [Fact]
    public async Task EnsureSmsOtpAsync_SmsPending_SendsANewCode()
    {
        _weavr.OnGetAuthenticationFactors = _ => WeavrResults.Factors(WeavrResults.Factor(ScaChannel.Sms, ScaFactorStatus.PendingVerification));
        _weavr.OnEnrolOtp = (_, _) => WeavrResults.NoContent();

        var outcome = await _security.EnsureSmsOtpAsync(AccessToken);

        Assert.Equal(SmsEnrolmentOutcome.CodeSent, outcome);
        Assert.Equal(new WeavrCall(WeavrOperation.EnrolOtp) { Channel = ScaChannel.Sms, Token = AccessToken }, Assert.Single(_weavr.CallsTo(WeavrOperation.EnrolOtp)));
    }

    [Fact]
    public async Task EnsureSmsOtpAsync_NoMobileNumber_ReturnsNoMobileNumber()
    {
        _weavr.OnGetAuthenticationFactors = _ => WeavrResults.Factors();
        _weavr.OnEnrolOtp = (_, _) => throw WeavrErrors.Conflict(WeavrErrorCodes.MobileNumberNotAvailable);

        Assert.Equal(SmsEnrolmentOutcome.NoMobileNumber, await _security.EnsureSmsOtpAsync(AccessToken));
    }

    [Theory]
    [InlineData(WeavrErrorCodes.VerificationCodeInvalid, OtpCheckOutcome.WrongCode)]
    [InlineData(WeavrErrorCodes.OneChallengeLimitRemaining, OtpCheckOutcome.WrongCode)]
    [InlineData(WeavrErrorCodes.ChallengeLimitExceeded, OtpCheckOutcome.StartAgain)]
    [InlineData(WeavrErrorCodes.VerificationCodeExpired, OtpCheckOutcome.StartAgain)]
    public async Task CompleteStepUpAsync_WeavrRefusesTheCode_MapsTheErrorCode(string errorCode, OtpCheckOutcome expected)
    {
        _weavr.OnVerifyOtpStepUp = (_, _, _) => throw WeavrErrors.Conflict(errorCode);

        Assert.Equal(expected, await _security.CompleteStepUpAsync(AccessToken, "000000"));
        Assert.Equal(new Secret("000000"), Assert.Single(_weavr.Calls).VerificationCode);
    }

    [Fact]
    public async Task CompleteStepUpAsync_RightCode_ReturnsVerified()
    {
        _weavr.OnVerifyOtpStepUp = (_, _, _) => WeavrResults.NoContent();

        Assert.Equal(OtpCheckOutcome.Verified, await _security.CompleteStepUpAsync(AccessToken, "123456"));
        Assert.Equal(
            new WeavrCall(WeavrOperation.VerifyOtpStepUp) { Channel = ScaChannel.Sms, VerificationCode = new Secret("123456"), Token = AccessToken },
            Assert.Single(_weavr.Calls));
    }

    [Fact]
    public async Task RemoveAuthyAsync_TokenNotSteppedUp_AsksForAStepUp()
    {
        _weavr.OnUnlinkPush = (_, _) => throw WeavrErrors.StepUpRequired();

        Assert.Equal(DeviceRemovalOutcome.StepUpRequired, await _security.RemoveAuthyAsync(AccessToken));
    }

    [Fact]
    public async Task RemoveAuthyAsync_OtherForbidden_IsNotMistakenForAStepUp()
    {
        var forbidden = WeavrErrors.Forbidden(WeavrErrorCodes.InsufficientPermissions);
        _weavr.OnUnlinkPush = (_, _) => throw forbidden;

        var thrown = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _security.RemoveAuthyAsync(AccessToken));

        Assert.Same(forbidden, thrown);
    }
}
