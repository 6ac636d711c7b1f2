using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>
/// Application code under test: SMS OTP enrolment, OTP step-up, and a sensitive operation (unlinking Authy) that
/// needs a stepped-up session. Weavr's error codes become small app enums.
/// </summary>
/// <param name="weavr">The SDK client.</param>
public sealed class AccountSecurityService(IWeavrAuthClient weavr)
{
    /// <summary>Starts SMS OTP enrolment unless SMS is already active.</summary>
    /// <param name="accessToken">The session's ACCESS token.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>What happened.</returns>
    public async Task<SmsEnrolmentOutcome> EnsureSmsOtpAsync(Secret accessToken, CancellationToken cancellationToken = default)
    {
        var options = WeavrCallOptions.WithToken(accessToken);
        var factors = (await weavr.GetAuthenticationFactorsAsync(options, cancellationToken)).Value.Factors;
        if (factors.Any(f => f.Channel == ScaChannel.Sms && f.Status == ScaFactorStatus.Active))
        {
            return SmsEnrolmentOutcome.AlreadyActive;
        }

        try
        {
            await weavr.EnrolOtpAsync(ScaChannel.Sms, options, cancellationToken);
            return SmsEnrolmentOutcome.CodeSent;
        }
        catch (WeavrConflictException e) when (e.ErrorCode == WeavrErrorCodes.MobileNumberNotAvailable)
        {
            return SmsEnrolmentOutcome.NoMobileNumber;
        }
    }

    /// <summary>Completes SMS OTP enrolment with the code the user received.</summary>
    /// <param name="accessToken">The session's ACCESS token.</param>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the code was right.</returns>
    public Task<OtpCheckOutcome> ConfirmSmsOtpAsync(Secret accessToken, string code, CancellationToken cancellationToken = default) =>
        CheckCodeAsync(() => weavr.VerifyOtpEnrolmentAsync(ScaChannel.Sms, code, WeavrCallOptions.WithToken(accessToken), cancellationToken));

    /// <summary>Sends a step-up code by SMS.</summary>
    /// <param name="accessToken">The session's ACCESS token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the code is sent.</returns>
    public Task StartStepUpAsync(Secret accessToken, CancellationToken cancellationToken = default) =>
        weavr.StartOtpStepUpAsync(ScaChannel.Sms, WeavrCallOptions.WithToken(accessToken), cancellationToken);

    /// <summary>Checks the step-up code; when right, the same ACCESS token is stepped up.</summary>
    /// <param name="accessToken">The session's ACCESS token.</param>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the code was right.</returns>
    public Task<OtpCheckOutcome> CompleteStepUpAsync(Secret accessToken, string code, CancellationToken cancellationToken = default) =>
        CheckCodeAsync(() => weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, code, WeavrCallOptions.WithToken(accessToken), cancellationToken));

    /// <summary>Unlinks the user's Authy device: a sensitive operation that needs a stepped-up session.</summary>
    /// <param name="accessToken">The session's ACCESS token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    public async Task<DeviceRemovalOutcome> RemoveAuthyAsync(Secret accessToken, CancellationToken cancellationToken = default)
    {
        try
        {
            await weavr.UnlinkPushAsync(ScaChannel.Authy, WeavrCallOptions.WithToken(accessToken), cancellationToken);
            return DeviceRemovalOutcome.Removed;
        }
        catch (WeavrForbiddenException e) when (e.IsStepUpRequired)
        {
            return DeviceRemovalOutcome.StepUpRequired;
        }
        catch (WeavrConflictException e) when (e.ErrorCode == WeavrErrorCodes.ChannelNotRegistered)
        {
            return DeviceRemovalOutcome.NotEnrolled;
        }
    }

    private static async Task<OtpCheckOutcome> CheckCodeAsync(Func<Task> verify)
    {
        try
        {
            await verify();
            return OtpCheckOutcome.Verified;
        }
        catch (WeavrConflictException e) when (e.ErrorCode is WeavrErrorCodes.VerificationCodeInvalid or WeavrErrorCodes.OneChallengeLimitRemaining)
        {
            return OtpCheckOutcome.WrongCode;
        }
        catch (WeavrConflictException e) when (e.ErrorCode is WeavrErrorCodes.ChallengeLimitExceeded or WeavrErrorCodes.VerificationCodeExpired or WeavrErrorCodes.StateInvalid)
        {
            return OtpCheckOutcome.StartAgain;
        }
    }
}
