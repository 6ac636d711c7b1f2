using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>A push challenge waiting for the (simulated) user: a biometric login, a push step-up or a push enrolment.</summary>
internal sealed class PushChallengeState
{
    public required string Id { get; init; }

    public required SandboxChallengeKind Kind { get; init; }

    public required ScaChannel Channel { get; init; }

    public required UserState User { get; init; }

    public required IdentityId Identity { get; init; }

    /// <summary>Gets the token being stepped up (push step-up only).</summary>
    public TokenState? Token { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public SandboxChallengeOutcome? Outcome { get; set; }

    public ITimer? ExpiryTimer { get; set; }

    public SandboxChallenge ToPublic() => new(Id, Kind, Channel, User.Email, Identity, CreatedAt);
}
