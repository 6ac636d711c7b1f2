using AuthClient.Errors;
using AuthClient.Webhooks;

namespace AuthClient.Sessions.Internal;

/// <summary>Maps Weavr's 409 error codes and webhook statuses to <see cref="ChallengeOutcome"/>: the one place it is decided.</summary>
internal static class ChallengeOutcomes
{
    public static readonly TimeSpan RetryIn15SecDelay = TimeSpan.FromSeconds(15);

    public static ChallengeOutcome FromErrorCode(string? errorCode) => errorCode switch
    {
        WeavrErrorCodes.AlreadyVerified => ChallengeOutcome.AlreadyVerified,
        WeavrErrorCodes.RetryIn15Sec => ChallengeOutcome.RetryIn15Seconds,
        WeavrErrorCodes.OneChallengeLimitRemaining => ChallengeOutcome.OneChallengeLimitRemaining,
        WeavrErrorCodes.ChallengeLimitExceeded => ChallengeOutcome.ChallengeLimitExceeded,
        WeavrErrorCodes.VerificationCodeInvalid => ChallengeOutcome.VerificationCodeInvalid,
        WeavrErrorCodes.VerificationCodeExpired => ChallengeOutcome.VerificationCodeExpired,
        WeavrErrorCodes.StateInvalid => ChallengeOutcome.StateInvalid,
        WeavrErrorCodes.ChannelNotRegistered => ChallengeOutcome.ChannelNotRegistered,
        WeavrErrorCodes.ChannelNotSupported => ChallengeOutcome.ChannelNotSupported,
        WeavrErrorCodes.ChannelAlreadyRegistered => ChallengeOutcome.ChannelAlreadyRegistered,
        _ => ChallengeOutcome.Rejected,
    };

    public static ChallengeOutcome FromWebhookStatus(WebhookChallengeStatus status) =>
        status == WebhookChallengeStatus.Verified ? ChallengeOutcome.Verified
        : status == WebhookChallengeStatus.Declined ? ChallengeOutcome.Declined
        : status == WebhookChallengeStatus.Expired ? ChallengeOutcome.Expired
        : ChallengeOutcome.Rejected;

    public static TimeSpan? RetryAfter(ChallengeOutcome outcome) =>
        outcome == ChallengeOutcome.RetryIn15Seconds ? RetryIn15SecDelay : null;
}
