using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Wire shape of the identity (<c>StringWrappedTypeId</c>) in a webhook body.</summary>
internal sealed class IdentityPayload
{
    public string? Type { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Id { get; set; }
}
