using System.Text.Json.Serialization;

namespace AuthClient.Transmit.Models;

/// <summary>
/// The body of <c>POST /v1/auth/mobile-biometrics/register</c>: the authenticator the device SDK created. Fields are
/// forwarded exactly as the SDK produced them (note the wire mixes camelCase and snake_case).
/// </summary>
public sealed record BiometricsRegisterRequest
{
    /// <summary>Gets the public key from the SDK's registration call.</summary>
    [JsonPropertyName("publicKey")]
    public required string PublicKey { get; init; }

    /// <summary>Gets the id of the public key.</summary>
    [JsonPropertyName("publicKeyId")]
    public required string PublicKeyId { get; init; }

    /// <summary>Gets the device OS (Transmit's guides send <c>Android</c> or <c>iOS</c>).</summary>
    [JsonPropertyName("os")]
    public required string Os { get; init; }

    /// <summary>Gets the key type (the SDK's <c>keyType</c>).</summary>
    [JsonPropertyName("encryptionType")]
    public EncryptionType? EncryptionType { get; init; }

    /// <summary>Gets the device this registration belongs to.</summary>
    [JsonPropertyName("device_id")]
    public string? DeviceId { get; init; }

    /// <summary>Gets the challenge used to create the attestation.</summary>
    [JsonPropertyName("challenge")]
    public string? Challenge { get; init; }

    /// <summary>Gets the encoded attestation data.</summary>
    [JsonPropertyName("attestation_encoded_result")]
    public string? AttestationEncodedResult { get; init; }

    /// <summary>Gets a display name for the key.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }
}
