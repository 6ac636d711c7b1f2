using System.Text.Json.Serialization;

namespace AuthClient.Transmit.Models;

/// <summary>The body of <c>DELETE /v1/auth/mobile-biometrics/delete</c>.</summary>
/// <param name="PublicKeyId">The id of the key to delete.</param>
public sealed record BiometricsDeleteRequest(
    [property: JsonPropertyName("publicKeyId")] string PublicKeyId);
