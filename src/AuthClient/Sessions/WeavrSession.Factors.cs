using AuthClient.Errors;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Sessions;

/// <summary>Authentication factors: list, SMS OTP enrolment, Authy push enrolment, push unlink.</summary>
public sealed partial class WeavrSession
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ScaFactor>> GetAuthenticationFactorsAsync(CancellationToken cancellationToken = default)
    {
        var response = await ExecuteAsync((client, options, ct) => client.GetAuthenticationFactorsAsync(options, ct), cancellationToken).ConfigureAwait(false);
        return response.Value.Factors;
    }

    /// <inheritdoc />
    public async Task<ChallengeResult> EnrolSmsOtpAsync(CancellationToken cancellationToken = default)
    {
        RequireCodeProvider();
        var sent = await StartSmsOtpEnrolmentAsync(cancellationToken).ConfigureAwait(false);
        return sent.Outcome != ChallengeOutcome.Sent
            ? sent
            : await VerifyWithCodesAsync(OtpPurpose.Enrolment, ScaChannel.Sms, code => VerifySmsOtpEnrolmentAsync(code, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ChallengeResult> StartSmsOtpEnrolmentAsync(CancellationToken cancellationToken = default) =>
        FactorChallengeAsync((client, options, ct) => client.EnrolOtpAsync(ScaChannel.Sms, options, ct), ScaChannel.Sms, ChallengeOutcome.Sent, cancellationToken);

    /// <inheritdoc />
    public Task<ChallengeResult> VerifySmsOtpEnrolmentAsync(string verificationCode, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.VerificationCode(verificationCode, nameof(verificationCode));
        return FactorChallengeAsync((client, options, ct) => client.VerifyOtpEnrolmentAsync(ScaChannel.Sms, verificationCode, options, ct), ScaChannel.Sms, ChallengeOutcome.Verified, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ChallengeResult> EnrolAuthyPushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? Options.EnrolmentTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(timeout));
        var credential = Credential;

        // Registered before the POST: the enrolment webhook carries only the credential and the factor type, and may beat the answer.
        using var waiter = credential is null ? null : _services.Challenges.ExpectEnrolment(credential, ScaChannel.Authy);
        var sent = await FactorChallengeAsync((client, options, ct) => client.EnrolPushAsync(ScaChannel.Authy, options, ct), ScaChannel.Authy, ChallengeOutcome.Sent, cancellationToken).ConfigureAwait(false);
        if (sent.Outcome != ChallengeOutcome.Sent || waiter is null)
        {
            return sent;
        }

        EnrolmentEvent answer;
        try
        {
            answer = await waiter.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return sent with { Outcome = ChallengeOutcome.TimedOut };
        }

        var outcome = answer.Status == ScaFactorStatus.Active ? ChallengeOutcome.Verified
            : answer.Status == ScaFactorStatus.Inactive ? ChallengeOutcome.Declined
            : ChallengeOutcome.Rejected;
        return sent with { Outcome = outcome, ErrorCode = outcome == ChallengeOutcome.Rejected ? answer.Status.Value : null };
    }

    /// <inheritdoc />
    public Task<WeavrResponse> UnlinkPushAsync(ScaChannel channel, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "Push unlink", ScaChannel.Authy, ScaChannel.Biometric);
        return ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(channel, options, ct), cancellationToken);
    }

    /// <summary>A factor call through <see cref="ExecuteAsync{TResult}(Func{IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task{TResult}}, CancellationToken)"/>
    /// (so automatic step-up applies); a 409 becomes a typed outcome.</summary>
    private async Task<ChallengeResult> FactorChallengeAsync(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<WeavrResponse>> call, ScaChannel channel, ChallengeOutcome success, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
            return new ChallengeResult { Outcome = success, Channel = channel, RequestRef = response.RequestRef };
        }
        catch (WeavrConflictException ex)
        {
            return FromConflict(ex, channel);
        }
    }
}
