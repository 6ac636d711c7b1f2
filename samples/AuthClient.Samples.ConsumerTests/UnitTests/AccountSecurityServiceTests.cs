using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static AuthClient.Samples.ConsumerTests.UnitTests.SdkResults;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of the app's <see cref="AccountSecurityService"/> with a mocked <see cref="IWeavrAuthClient"/>.</summary>
public sealed class AccountSecurityServiceTests
{
    private static readonly Secret AccessToken = new("access-token");
    private readonly IWeavrAuthClient _weavr = Substitute.For<IWeavrAuthClient>();
    private readonly AccountSecurityService _security;

    public AccountSecurityServiceTests() => _security = new AccountSecurityService(_weavr);

    [Fact]
    public async Task EnsureSmsOtpAsync_SmsAlreadyActive_SendsNoCode()
    {
        _weavr.GetAuthenticationFactorsAsync(Arg.Is<WeavrCallOptions?>(o => o!.Token == AccessToken), Arg.Any<CancellationToken>())
            .Returns(Ok(new AuthenticationFactors { Factors = [new ScaFactor { Channel = ScaChannel.Sms, Status = ScaFactorStatus.Active }] }));

        var outcome = await _security.EnsureSmsOtpAsync(AccessToken);

        Assert.Equal(SmsEnrolmentOutcome.AlreadyActive, outcome);
        await _weavr.DidNotReceiveWithAnyArgs().EnrolOtpAsync(default);
    }

    [Fact]
    public async Task EnsureSmsOtpAsync_SmsPending_SendsANewCode()
    {
        _weavr.GetAuthenticationFactorsAsync().ReturnsForAnyArgs(
            Ok(new AuthenticationFactors { Factors = [new ScaFactor { Channel = ScaChannel.Sms, Status = ScaFactorStatus.PendingVerification }] }));
        _weavr.EnrolOtpAsync(ScaChannel.Sms, Arg.Any<WeavrCallOptions?>(), Arg.Any<CancellationToken>()).Returns(NoContent());

        var outcome = await _security.EnsureSmsOtpAsync(AccessToken);

        Assert.Equal(SmsEnrolmentOutcome.CodeSent, outcome);
        await _weavr.Received(1).EnrolOtpAsync(ScaChannel.Sms, Arg.Is<WeavrCallOptions?>(o => o!.Token == AccessToken), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task EnsureSmsOtpAsync_NoMobileNumber_ReturnsNoMobileNumber()
    {
        _weavr.GetAuthenticationFactorsAsync().ReturnsForAnyArgs(Ok(new AuthenticationFactors()));
        _weavr.EnrolOtpAsync(default).ThrowsAsyncForAnyArgs(
            new WeavrConflictException(WeavrError(HttpStatusCode.Conflict, WeavrErrorCodes.MobileNumberNotAvailable)));

        Assert.Equal(SmsEnrolmentOutcome.NoMobileNumber, await _security.EnsureSmsOtpAsync(AccessToken));
    }

    [Theory]
    [InlineData(WeavrErrorCodes.VerificationCodeInvalid, OtpCheckOutcome.WrongCode)]
    [InlineData(WeavrErrorCodes.OneChallengeLimitRemaining, OtpCheckOutcome.WrongCode)]
    [InlineData(WeavrErrorCodes.ChallengeLimitExceeded, OtpCheckOutcome.StartAgain)]
    [InlineData(WeavrErrorCodes.VerificationCodeExpired, OtpCheckOutcome.StartAgain)]
    public async Task CompleteStepUpAsync_WeavrRefusesTheCode_MapsTheErrorCode(string errorCode, OtpCheckOutcome expected)
    {
        _weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "000000", Arg.Any<WeavrCallOptions?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new WeavrConflictException(WeavrError(HttpStatusCode.Conflict, errorCode)));

        Assert.Equal(expected, await _security.CompleteStepUpAsync(AccessToken, "000000"));
    }

    [Fact]
    public async Task CompleteStepUpAsync_RightCode_ReturnsVerified()
    {
        _weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", Arg.Is<WeavrCallOptions?>(o => o!.Token == AccessToken), Arg.Any<CancellationToken>())
            .Returns(NoContent());

        Assert.Equal(OtpCheckOutcome.Verified, await _security.CompleteStepUpAsync(AccessToken, "123456"));
    }

    [Fact]
    public async Task RemoveAuthyAsync_TokenNotSteppedUp_AsksForAStepUp()
    {
        _weavr.UnlinkPushAsync(default).ThrowsAsyncForAnyArgs(
            new WeavrForbiddenException(WeavrError(HttpStatusCode.Forbidden, WeavrErrorCodes.StepUpRequired)));

        Assert.Equal(DeviceRemovalOutcome.StepUpRequired, await _security.RemoveAuthyAsync(AccessToken));
    }

    [Fact]
    public async Task RemoveAuthyAsync_OtherForbidden_IsNotMistakenForAStepUp()
    {
        var forbidden = new WeavrForbiddenException(WeavrError(HttpStatusCode.Forbidden, WeavrErrorCodes.InsufficientPermissions));
        _weavr.UnlinkPushAsync(default).ThrowsAsyncForAnyArgs(forbidden);

        var thrown = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _security.RemoveAuthyAsync(AccessToken));

        Assert.Same(forbidden, thrown);
    }
}
