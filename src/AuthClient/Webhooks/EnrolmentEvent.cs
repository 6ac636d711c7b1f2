using AuthClient.Weavr.Models;

namespace AuthClient.Webhooks;

/// <summary><c>/authentication_factors/watch</c>: the outcome of a push enrolment.</summary>
public sealed record EnrolmentEvent : WeavrWebhookEvent
{
    /// <summary>Gets the enrolled factor's type, e.g. <c>AUTHY</c> (open).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the outcome: <see cref="ScaFactorStatus.Active"/> or <see cref="ScaFactorStatus.Inactive"/>.</summary>
    public required ScaFactorStatus Status { get; init; }

    /// <summary>Gets the credential.</summary>
    public CredentialId? CredentialId { get; init; }
}
