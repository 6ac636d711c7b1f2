using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>What an <see cref="IOtpCodeProvider"/> is asked for.</summary>
public sealed record OtpCodeRequest
{
    /// <summary>Gets the application's key of the user the session belongs to.</summary>
    public required string UserKey { get; init; }

    /// <summary>Gets the channel the code was sent on (<see cref="ScaChannel.Sms"/>).</summary>
    public required ScaChannel Channel { get; init; }

    /// <summary>Gets why the code is needed.</summary>
    public required OtpPurpose Purpose { get; init; }

    /// <summary>Gets the attempt number, starting at 1.</summary>
    public required int Attempt { get; init; }

    /// <summary>Gets why the previous code was refused (<see cref="ChallengeOutcome.VerificationCodeInvalid"/> or
    /// <see cref="ChallengeOutcome.OneChallengeLimitRemaining"/>), or <see langword="null"/> on the first attempt.</summary>
    public ChallengeOutcome? PreviousOutcome { get; init; }

    /// <summary>Gets the identity the session acts as, if selected.</summary>
    public IdentityId? Identity { get; init; }
}
