using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Wire shape of <c>StepupEvent</c>. Every field is nullable so a missing one is reported, not thrown.</summary>
internal sealed class StepUpEventPayload
{
    public CredentialPayload? Credential { get; set; }

    public IdentityPayload? Identity { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? ChallengeId { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? PublishedTimestamp { get; set; }

    public string? AuthToken { get; set; }
}
