using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Wire shape of <c>EnrolmentEvent</c> (the credential is <c>credentialId</c> here, not <c>credential</c>).</summary>
internal sealed class EnrolmentEventPayload
{
    public CredentialPayload? CredentialId { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? PublishedTimestamp { get; set; }
}
