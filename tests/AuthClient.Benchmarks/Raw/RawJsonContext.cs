using System.Text.Json.Serialization;

namespace AuthClient.Benchmarks.Raw;

/// <summary>The hand-written baseline's System.Text.Json source-generated contract (what a careful user would write).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RawLoginRequest))]
[JsonSerializable(typeof(RawTokenResponse))]
[JsonSerializable(typeof(RawIdentitiesResponse))]
[JsonSerializable(typeof(RawVerifyRequest))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
