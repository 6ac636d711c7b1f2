using System.Text.Json.Serialization;
using AuthClient.Transmit.Models;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// Source-generated JSON metadata for every Transmit body: no reflection at run time (trimming/AOT-safe). Every
/// property names its wire field explicitly, because the wire mixes snake_case and camelCase.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(BiometricsStartRequest))]
[JsonSerializable(typeof(BiometricsStartResponse))]
[JsonSerializable(typeof(BiometricsAuthenticateRequest))]
[JsonSerializable(typeof(BiometricsTokens))]
[JsonSerializable(typeof(BiometricsRegisterRequest))]
[JsonSerializable(typeof(BiometricsDeleteRequest))]
[JsonSerializable(typeof(TransmitTokenResponse))]
internal sealed partial class TransmitJsonContext : JsonSerializerContext;
