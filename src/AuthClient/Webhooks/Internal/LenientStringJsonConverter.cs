using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Reads a JSON string, or a number as its literal text (ids and ms timestamps are digit strings Weavr might one day send bare).</summary>
internal sealed class LenientStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw new JsonException("Expected a JSON string."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
