namespace AuthClient.Sessions;

/// <summary>How a step-up, a factor enrolment or a biometric sign-in ended (see <see cref="ChallengeResult"/>).</summary>
public enum ChallengeOutcome
{
    /// <summary>The challenge was sent and awaits its answer (a two-step flow: verify next).</summary>
    Sent,

    /// <summary>The user passed the challenge. For a step-up the session's token is now stepped up.</summary>
    Verified,

    /// <summary>The challenge was already verified (<c>ALREADY_VERIFIED</c>): treated as success.</summary>
    AlreadyVerified,

    /// <summary>The user declined the push (or rejected the enrolment).</summary>
    Declined,

    /// <summary>The challenge expired before the user answered (webhook <c>EXPIRED</c>).</summary>
    Expired,

    /// <summary>No answer arrived within the timeout.</summary>
    TimedOut,

    /// <summary>A challenge was issued less than 15 seconds ago (<c>RETRY_IN_15SEC</c>); retry after <see cref="ChallengeResult.RetryAfter"/>.</summary>
    RetryIn15Seconds,

    /// <summary>The code was wrong and one attempt is left (<c>ONE_CHALLENGE_LIMIT_REMAINING</c>): verify again with a new code.</summary>
    OneChallengeLimitRemaining,

    /// <summary>Too many attempts or challenges (<c>CHALLENGE_LIMIT_EXCEEDED</c>): issue a new challenge later.</summary>
    ChallengeLimitExceeded,

    /// <summary>The code was wrong (<c>VERIFICATION_CODE_INVALID</c>): verify again with a new code.</summary>
    VerificationCodeInvalid,

    /// <summary>The code expired (<c>VERIFICATION_CODE_EXPIRED</c>, after 5 minutes): issue a new challenge.</summary>
    VerificationCodeExpired,

    /// <summary>There is no challenge to verify any more (<c>STATE_INVALID</c>): issue a new challenge.</summary>
    StateInvalid,

    /// <summary>The user has no factor enrolled on this channel (<c>CHANNEL_NOT_REGISTERED</c>).</summary>
    ChannelNotRegistered,

    /// <summary>The channel is not enabled for the programme (<c>CHANNEL_NOT_SUPPORTED</c>).</summary>
    ChannelNotSupported,

    /// <summary>The factor is already enrolled (<c>CHANNEL_ALREADY_REGISTERED</c>).</summary>
    ChannelAlreadyRegistered,

    /// <summary>The <see cref="IOtpCodeProvider"/> returned no code (the user gave up).</summary>
    CodeNotProvided,

    /// <summary>The server refused with another 409 error code: see <see cref="ChallengeResult.ErrorCode"/>.</summary>
    Rejected,
}
