using AuthClient.Weavr.Models;

namespace AuthClient.Testing;

/// <summary>A push challenge the sandbox is holding for the simulated user to approve, decline or let expire.</summary>
/// <param name="Id">The challenge id: the <c>challengeId</c> of <c>/login_via_biometrics</c>, the <c>id</c> of a push step-up,
/// or a sandbox-only id for a push enrolment (the API returns none). Pass it to <see cref="WeavrSandbox.ApproveAsync"/>.</param>
/// <param name="Kind">What the challenge is for.</param>
/// <param name="Channel">The channel (<c>AUTHY</c> or <c>BIOMETRIC</c>).</param>
/// <param name="Email">The user's e-mail.</param>
/// <param name="Identity">The identity concerned.</param>
/// <param name="CreatedAt">When it was created (sandbox time).</param>
public sealed record SandboxChallenge(
    string Id,
    SandboxChallengeKind Kind,
    ScaChannel Channel,
    string Email,
    IdentityId Identity,
    DateTimeOffset CreatedAt);
