using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthClient.Primitives;

/// <summary>Reads and writes a <see cref="Secret"/> as a plain JSON string (the wire needs the raw value).</summary>
public sealed class SecretJsonConverter : JsonConverter<Secret>
{
    /// <inheritdoc />
    public override Secret? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => new Secret(reader.GetString()!),
            _ => throw new JsonException("Expected a JSON string for a secret value."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Reveal());
    }
}
