using System.Text.Json.Serialization;

namespace AuthClient.Transmit.Models;

/// <summary>Attributes of the end user's client, sent as <c>client_attributes</c>.</summary>
public sealed record ClientAttributes
{
    /// <summary>Gets the end user's browser or app user agent.</summary>
    [JsonPropertyName("user_agent")]
    public string? UserAgent { get; init; }

    /// <summary>Gets the end user's IP address.</summary>
    [JsonPropertyName("ip_address")]
    public string? IpAddress { get; init; }
}
