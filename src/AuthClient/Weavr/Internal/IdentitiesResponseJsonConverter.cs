using System.Text.Json;
using System.Text.Json.Serialization;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal;

/// <summary>Reads <c>GET /identities</c> in either shape: the documented wrapper or the seed's bare array.</summary>
internal sealed class IdentitiesResponseJsonConverter : JsonConverter<IdentitiesResponse>
{
    public override IdentitiesResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var items = JsonSerializer.Deserialize(ref reader, WeavrJsonContext.Default.ListUserIdentity) ?? [];
            return new IdentitiesResponse { Identities = items, Count = items.Count, ResponseCount = items.Count };
        }

        var payload = JsonSerializer.Deserialize(ref reader, WeavrJsonContext.Default.IdentitiesPayload)
            ?? throw new JsonException("Expected an identities object or array.");
        var identities = payload.Identities ?? [];
        return new IdentitiesResponse
        {
            Identities = identities,
            Count = payload.Count ?? identities.Count,
            ResponseCount = payload.ResponseCount ?? identities.Count,
        };
    }

    public override void Write(Utf8JsonWriter writer, IdentitiesResponse value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(
            writer,
            new IdentitiesPayload { Identities = [.. value.Identities], Count = value.Count, ResponseCount = value.ResponseCount },
            WeavrJsonContext.Default.IdentitiesPayload);
}
