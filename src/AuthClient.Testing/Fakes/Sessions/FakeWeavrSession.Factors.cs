using System.Net;
using AuthClient.Sessions;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>Authentication factors: listing, enrolment and unlinking.</summary>
public sealed partial class FakeWeavrSession
{
    /// <summary>Gets or sets how an enrolment ends for its channel (<see cref="ScaChannel.Sms"/> or <see cref="ScaChannel.Authy"/>).
    /// Default <see cref="ChallengeOutcome.Verified"/>: the factor becomes <see cref="ScaFactorStatus.Active"/>.</summary>
    public Func<ScaChannel, ChallengeOutcome>? OnEnrol { get; set; }

    /// <summary>Gets the factors <see cref="GetAuthenticationFactorsAsync"/> lists: add the user's existing ones with
    /// <see cref="SetFactor"/>; enrolments and unlinks change them.</summary>
    public IReadOnlyList<ScaFactor> Factors
    {
        get
        {
            lock (_gate)
            {
                return [.. _factors];
            }
        }
    }

    /// <summary>Sets or removes a factor, e.g. a biometric enrolment done in the mobile SDK.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="status">The status, or <see langword="null"/> to remove the factor.</param>
    public void SetFactor(ScaChannel channel, ScaFactorStatus? status)
    {
        lock (_gate)
        {
            _factors.RemoveAll(f => f.Channel == channel);
            if (status is not null)
            {
                _factors.Add(WeavrResults.Factor(channel, status));
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScaFactor>> GetAuthenticationFactorsAsync(CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(GetAuthenticationFactorsAsync)), cancellationToken, () =>
        {
            Require(nameof(GetAuthenticationFactorsAsync), AccessStates);
            Touch();
            return Factors;
        });

    /// <inheritdoc />
    public Task<ChallengeResult> EnrolSmsOtpAsync(CancellationToken cancellationToken = default) =>
        Enrol(nameof(EnrolSmsOtpAsync), ScaChannel.Sms, codeAttempts: 1, cancellationToken);

    /// <inheritdoc />
    public Task<ChallengeResult> StartSmsOtpEnrolmentAsync(CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(StartSmsOtpEnrolmentAsync)) { Channel = ScaChannel.Sms }, cancellationToken, () =>
        {
            Require(nameof(StartSmsOtpEnrolmentAsync), AccessStates);
            Touch();
            return new ChallengeResult { Outcome = ChallengeOutcome.Sent, Channel = ScaChannel.Sms };
        });

    /// <inheritdoc />
    public Task<ChallengeResult> VerifySmsOtpEnrolmentAsync(string verificationCode, CancellationToken cancellationToken = default)
    {
        try
        {
            RequireCode(verificationCode);
        }
        catch (ArgumentException ex)
        {
            Record(new FakeSessionCall(nameof(VerifySmsOtpEnrolmentAsync)) { Channel = ScaChannel.Sms, Code = Hide(verificationCode) });
            return Task.FromException<ChallengeResult>(ex);
        }

        return Enrol(nameof(VerifySmsOtpEnrolmentAsync), ScaChannel.Sms, codeAttempts: 1, cancellationToken, Hide(verificationCode));
    }

    /// <inheritdoc />
    public Task<ChallengeResult> EnrolAuthyPushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Enrol(nameof(EnrolAuthyPushAsync), ScaChannel.Authy, codeAttempts: 0, cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> UnlinkPushAsync(ScaChannel channel, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(UnlinkPushAsync)) { Channel = channel }, cancellationToken, () =>
        {
            if (channel != ScaChannel.Authy && channel != ScaChannel.Biometric)
            {
                throw new ArgumentException($"Push unlink supports AUTHY or BIOMETRIC, not {channel}.", nameof(channel));
            }

            Require(nameof(UnlinkPushAsync), AccessStates);
            Touch();
            SetFactor(channel, null);
            return new WeavrResponse(HttpStatusCode.NoContent, "fake-request-ref", null);
        });

    private Task<ChallengeResult> Enrol(string operation, ScaChannel channel, int codeAttempts, CancellationToken cancellationToken, Primitives.Secret? code = null) =>
        Async(new FakeSessionCall(operation) { Channel = channel, Code = code }, cancellationToken, () =>
        {
            Require(operation, AccessStates);
            var outcome = Run(() => OnEnrol?.Invoke(channel) ?? ChallengeOutcome.Verified);
            Touch();
            if (outcome == ChallengeOutcome.Verified)
            {
                SetFactor(channel, ScaFactorStatus.Active);
            }

            return new ChallengeResult { Outcome = outcome, Channel = channel, CodeAttempts = codeAttempts };
        });
}
