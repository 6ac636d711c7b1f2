using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthClient.Primitives;

/// <summary>Reads any JSON string into an open enumeration, so a value the server adds later never throws.</summary>
/// <typeparam name="T">The open enumeration type.</typeparam>
public sealed class OpenEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IOpenEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>The value at the reader, for hand-written converters of types that hold one.</summary>
    internal static T ReadValue(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => T.FromValue(reader.GetString()!),
            JsonTokenType.Number => T.FromValue(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
            _ => throw new JsonException($"Expected a JSON string for {typeof(T).Name}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
