using System.Text.Json.Serialization;

namespace AuthClient.Sessions.Internal;

/// <summary>Source-generated JSON metadata for session snapshots.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SnapshotDocument))]
internal sealed partial class WeavrSessionJsonContext : JsonSerializerContext;
