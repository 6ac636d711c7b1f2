using System.Text.Json.Serialization;
using AuthClient.Weavr.Models;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>Source-generated System.Text.Json metadata for the raw client: the SDK's own request/response records, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(LoginWithPasswordRequest))]
[JsonSerializable(typeof(LoginWithPasswordResponse))]
[JsonSerializable(typeof(RawIdentitiesPage))]
[JsonSerializable(typeof(VerificationCodeRequest))]
internal sealed partial class RawLoopbackJsonContext : JsonSerializerContext;
