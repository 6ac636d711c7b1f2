using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Webhooks;

/// <summary>
/// <c>/stepup/watch</c>: the outcome of a push step-up or of a login via biometrics, matched on <see cref="ChallengeId"/>.
/// </summary>
public sealed record StepUpEvent : WeavrWebhookEvent
{
    /// <summary>Gets the challenge id (the push step-up <c>id</c> or the biometric login <c>challengeId</c>).</summary>
    public required string ChallengeId { get; init; }

    /// <summary>Gets the challenge type: see <see cref="StepUpEventTypes"/> (open).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the outcome.</summary>
    public required WebhookChallengeStatus Status { get; init; }

    /// <summary>Gets the credential.</summary>
    public CredentialId? Credential { get; init; }

    /// <summary>Gets the identity.</summary>
    public WebhookIdentity? Identity { get; init; }

    /// <summary>Gets the AUTH token of a VERIFIED biometric login; <see langword="null"/> otherwise (an empty string on the wire means none).</summary>
    public Secret? AuthToken { get; init; }
}
