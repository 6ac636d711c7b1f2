using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>One issued Weavr token and the step-up state bound to it. Guarded by the engine's lock.</summary>
internal sealed class TokenState
{
    public required string Value { get; init; }

    public required TokenKind Kind { get; init; }

    public required UserState User { get; init; }

    public required IdentityId Identity { get; init; }

    /// <summary>Gets the login this token belongs to: logout ends every token of the login.</summary>
    public required long LoginId { get; init; }

    /// <summary>Gets a value indicating whether the token came from a verified biometric login (its exchange is STEPPED_UP).</summary>
    public bool FromBiometricLogin { get; init; }

    public bool SteppedUp { get; set; }

    public required DateTimeOffset LastUsed { get; set; }

    public bool Revoked { get; set; }

    public OtpChallengeState? StepUpOtp { get; set; }

    public int OtpChallengesIssued { get; set; }

    public PushChallengeState? StepUpPush { get; set; }
}
