using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Wire shape of <c>CredentialId</c> in a webhook body.</summary>
internal sealed class CredentialPayload
{
    public string? Type { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Id { get; set; }
}
