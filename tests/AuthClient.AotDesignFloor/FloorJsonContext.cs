using System.Text.Json.Serialization;

namespace AuthClient.AotDesignFloor;

/// <summary>The floor's source-generated JSON contract.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FloorLoginBody))]
[JsonSerializable(typeof(FloorLoginAnswer))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
