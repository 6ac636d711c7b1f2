using System.Text.Json.Serialization;

namespace AuthClient.Transmit.Models;

/// <summary>The 200 body of <c>POST /v1/auth/mobile-biometrics/start</c>.</summary>
public sealed record BiometricsStartResponse
{
    /// <summary>Gets the challenge the app signs with the Transmit SDK, then sends to <c>authenticate</c>.</summary>
    [JsonPropertyName("challenge")]
    public required string Challenge { get; init; }
}
