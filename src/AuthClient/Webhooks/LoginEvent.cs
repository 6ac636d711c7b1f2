using AuthClient.Weavr.Models;

namespace AuthClient.Webhooks;

/// <summary><c>/login/watch</c>: a login attempt (<c>PASSWORD</c>) or token exchange (<c>TOKEN</c>) and its outcome.</summary>
public sealed record LoginEvent : WeavrWebhookEvent
{
    /// <summary>Gets the login type, e.g. <c>PASSWORD</c> or <c>TOKEN</c> (open).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the outcome.</summary>
    public required WebhookChallengeStatus Status { get; init; }

    /// <summary>Gets the credential.</summary>
    public CredentialId? Credential { get; init; }

    /// <summary>Gets the identity, when known.</summary>
    public WebhookIdentity? Identity { get; init; }
}
