using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// The typed outcome of a step-up or a factor enrolment. Expected refusals (a declined push, a wrong code, a limit)
/// are outcomes, not exceptions; transport failures and unexpected server errors still throw.
/// </summary>
public sealed record ChallengeResult
{
    /// <summary>Gets how the challenge ended.</summary>
    public required ChallengeOutcome Outcome { get; init; }

    /// <summary>Gets the channel the challenge used.</summary>
    public required ScaChannel Channel { get; init; }

    /// <summary>Gets the push challenge id (the <c>challengeId</c> of the webhook), if the challenge was a push.</summary>
    public string? ChallengeId { get; init; }

    /// <summary>Gets the server's <c>errorCode</c> when the outcome came from a 409 answer.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the <c>request-ref</c> of the last call, to quote to Weavr support.</summary>
    public string? RequestRef { get; init; }

    /// <summary>Gets how long to wait before issuing a new challenge, when the server said (<c>RETRY_IN_15SEC</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the number of codes submitted (OTP only).</summary>
    public int CodeAttempts { get; init; }

    /// <summary>Gets a value indicating whether the challenge passed (<see cref="ChallengeOutcome.Verified"/> or
    /// <see cref="ChallengeOutcome.AlreadyVerified"/>).</summary>
    public bool Succeeded => Outcome is ChallengeOutcome.Verified or ChallengeOutcome.AlreadyVerified;

    /// <summary>Gets a value indicating whether the same challenge can be verified again with a new code.</summary>
    public bool CanVerifyAgain => Outcome is ChallengeOutcome.VerificationCodeInvalid or ChallengeOutcome.OneChallengeLimitRemaining;
}
