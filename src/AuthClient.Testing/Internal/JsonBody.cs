using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>Writes response bodies with <see cref="Utf8JsonWriter"/> and reads request bodies with <see cref="JsonDocument"/>:
/// no reflection, little allocation.</summary>
internal static class JsonBody
{
    // Weavr bodies are not HTML: escape only what JSON requires, so "+356…" and "\"^[0-9]*$\"" read as on the wire.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, state);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Object(string name, string value) =>
        Write((name, value), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString(s.name, s.value);
            w.WriteEndObject();
        });

    public static void WriteIdentity(Utf8JsonWriter writer, string propertyName, IdentityId identity)
    {
        writer.WriteStartObject(propertyName);
        writer.WriteString("type", identity.Type.Value);
        writer.WriteString("id", identity.Id);
        writer.WriteEndObject();
    }

    public static void WriteCredential(Utf8JsonWriter writer, string propertyName, CredentialId credential)
    {
        writer.WriteStartObject(propertyName);
        writer.WriteString("type", credential.Type.Value);
        writer.WriteString("id", credential.Id);
        writer.WriteEndObject();
    }

    /// <summary>Parses a JSON object body; <see langword="false"/> when the body is empty or not a JSON object.</summary>
    public static bool TryParseObject(ReadOnlyMemory<byte> body, out JsonDocument? document)
    {
        document = null;
        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            return false;
        }

        return true;
    }

    public static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
}
