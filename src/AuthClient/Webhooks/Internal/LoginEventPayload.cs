using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Wire shape of <c>LoginEvent</c>.</summary>
internal sealed class LoginEventPayload
{
    public CredentialPayload? Credential { get; set; }

    public IdentityPayload? Identity { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? PublishedTimestamp { get; set; }
}
