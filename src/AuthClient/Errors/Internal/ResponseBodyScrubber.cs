using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuthClient.Errors.Internal;

/// <summary>
/// Makes an error body safe to keep for diagnostics: the value of every field whose name looks secret is replaced by
/// <c>[redacted]</c>, at any depth (objects inside objects and arrays). A body that is not JSON cannot be scrubbed field
/// by field, so it is dropped when it mentions a secret-looking name.
/// </summary>
internal static class ResponseBodyScrubber
{
    private const string Redacted = "[redacted]";

    // Matched against the lower-cased name without '_' and '-': authToken, access_token, client-secret, newPassword...
    private static readonly string[] SecretNameParts = ["token", "password", "secret", "apikey", "authorization", "verificationcode", "passcode", "cookie"];

    // Whole names only: "value" is how SensitivePassword nests the password. Not "code": Weavr's 404/405 error code.
    private static readonly string[] SecretNames = ["value", "otp", "pin"];

    /// <summary>Returns the body to keep: unchanged when nothing in it looks secret, scrubbed, or <see langword="null"/>.</summary>
    public static string? Scrub(string? body, JsonDocument? json)
    {
        if (body is null)
        {
            return null;
        }

        if (json is null)
        {
            return MentionsSecret(body) ? null : body;
        }

        if (!HasSecret(json.RootElement))
        {
            return body;
        }

        var buffer = new ArrayBufferWriter<byte>(body.Length);
        // Relaxed escaping keeps the server's text readable (no \u003C for '<'); the body is never embedded in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json.RootElement, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static bool IsSecretName(string name)
    {
        var normalized = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretNames.Any(n => normalized.Equals(n, StringComparison.OrdinalIgnoreCase))
            || SecretNameParts.Any(p => normalized.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static bool MentionsSecret(string text)
    {
        var normalized = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretNameParts.Any(p => normalized.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    // Recursion is bounded by JsonDocument's own maximum depth (64).
    private static bool HasSecret(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => IsSecretName(p.Name) || HasSecret(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasSecret),
        _ => false,
    };

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (IsSecretName(property.Name) && property.Value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WriteStringValue(Redacted);
                    }
                    else
                    {
                        Write(property.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
