namespace AuthClient.Testing.Internal;

/// <summary>An SMS OTP challenge (enrolment or step-up): issue time, failed attempts and whether it was used.</summary>
internal sealed class OtpChallengeState
{
    public required DateTimeOffset IssuedAt { get; init; }

    public int FailedAttempts { get; set; }

    public bool Verified { get; set; }

    /// <summary>Gets or sets a value indicating whether the attempt limit was reached (every later attempt is STATE_INVALID).</summary>
    public bool Exhausted { get; set; }
}
