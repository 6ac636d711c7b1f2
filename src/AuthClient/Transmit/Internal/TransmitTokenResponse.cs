using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Transmit.Internal;

/// <summary>The 200 body of <c>POST {host}/oidc/token</c>.</summary>
internal sealed record TransmitTokenResponse
{
    [JsonPropertyName("access_token")]
    public Secret? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }
}
