using System.Text;
using System.Text.Json;

namespace AuthClient.Weavr.Internal.Json;

/// <summary>
/// What the hand-written converters of the hot answers share, with the rules of <see cref="WeavrJsonContext"/>'s
/// options: property names matched case-insensitively, unknown properties skipped, a string or null where a string is
/// expected (anything else is a <see cref="JsonException"/>, as the generated code throws).
/// </summary>
internal static class WeavrJsonReading
{
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.ValueTextEquals(name)
        || (reader.ValueIsEscaped
            ? string.Equals(reader.GetString(), Encoding.UTF8.GetString(name), StringComparison.OrdinalIgnoreCase)
            : Ascii.EqualsIgnoreCase(reader.ValueSpan, name));

    /// <summary>A string value or null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a JSON string, found {reader.TokenType}."),
        };

    /// <summary>
    /// Moves to the next property's value of the object being read; false at its end. <paramref name="field"/> is the
    /// index of the property's name in <paramref name="names"/> (camel case, matched ignoring case), or -1 for a
    /// property the caller skips.
    /// </summary>
    public static bool NextField(ref Utf8JsonReader reader, byte[][] names, out int field)
    {
        field = -1;
        if (!NextProperty(ref reader))
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (NameIs(ref reader, names[i]))
            {
                field = i;
                break;
            }
        }

        reader.Read();
        return true;
    }

    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON object ended early.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Expected a property name, found {reader.TokenType}."),
        };
    }

    /// <summary>Checks the reader is at the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {type}, found {reader.TokenType}.");
        }
    }
}
