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

        return ReadWrapper(ref reader);
    }

    private static readonly byte[][] Fields = ["identities"u8.ToArray(), "count"u8.ToArray(), "responseCount"u8.ToArray()];

    // The wrapper read by hand (System.Text.Json reads an init-only record with its parameterized-constructor converter,
    // see Json.TypedIdJsonConverter); the list's elements go through the context's converter for UserIdentity.
    private static IdentitiesResponse ReadWrapper(ref Utf8JsonReader reader)
    {
        Json.WeavrJsonReading.ExpectObject(ref reader, "an identities answer");
        List<UserIdentity>? identities = null;
        int? count = null;
        int? responseCount = null;
        while (Json.WeavrJsonReading.NextField(ref reader, Fields, out var field))
        {
            switch (field)
            {
                case 0:
                    identities = JsonSerializer.Deserialize(ref reader, WeavrJsonContext.Default.ListUserIdentity);
                    break;
                case 1:
                    count = ReadCount(ref reader);
                    break;
                case 2:
                    responseCount = ReadCount(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        identities ??= [];
        return new IdentitiesResponse { Identities = identities, Count = count ?? identities.Count, ResponseCount = responseCount ?? identities.Count };
    }

    private static int? ReadCount(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetInt32(), // FormatException for a fraction or an overflow, as the generated code throws
            _ => throw new JsonException($"Expected a JSON number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, IdentitiesResponse value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(
            writer,
            new IdentitiesPayload { Identities = [.. value.Identities], Count = value.Count, ResponseCount = value.ResponseCount },
            WeavrJsonContext.Default.IdentitiesPayload);
}
