using System.Text.Json;

namespace AuthClient.Testing.Internal;

/// <summary>The Weavr response shapes the sandbox answers with (API.md §1.4), in one place.</summary>
internal static class WeavrReplies
{
    private static readonly byte[] MissingApiKeyBody = """{"invalidFields":[{"error":"REQUIRED","fieldName":"api-key"}]}"""u8.ToArray();

    public static SandboxResponse Empty(int statusCode) => new(statusCode);

    public static SandboxResponse MissingApiKey() => new(400, MissingApiKeyBody);

    public static SandboxResponse Unauthorized() => new(401);

    public static SandboxResponse Forbidden() => new(403);

    public static SandboxResponse Forbidden(string errorCode) => new(403, JsonBody.Object("errorCode", errorCode));

    public static SandboxResponse Conflict(string errorCode) => new(409, JsonBody.Object("errorCode", errorCode));

    public static SandboxResponse Locked() => new(423);

    public static SandboxResponse NotFound() => new(404);

    public static SandboxResponse MethodNotAllowed() => new(405, JsonBody.Object("message", "Method not allowed."));

    /// <summary>400 with a bare message, as observed for bean-validation failures.</summary>
    public static SandboxResponse BadRequest(string message) => new(400, JsonBody.Object("message", message));

    /// <summary>400 in the observed <c>_embedded.errors</c> shape (e.g. <c>request.email: must not be blank</c>).</summary>
    public static SandboxResponse BadRequestEmbedded(string message) =>
        new(400, JsonBody.Write(message, static (w, m) =>
        {
            w.WriteStartObject();
            w.WriteStartObject("_embedded");
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("message", m);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }));

    /// <summary>400 in the documented <c>BadRequest</c> shape with one invalid field.</summary>
    public static SandboxResponse BadRequestField(string fieldName, string error, params string[] parameters) =>
        new(400, JsonBody.Write((fieldName, error, parameters), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("message", "Bad Request");
            w.WriteStartObject("syntaxErrors");
            w.WriteStartArray("invalidFields");
            w.WriteStartObject();
            if (s.parameters.Length > 0)
            {
                w.WriteStartArray("params");
                foreach (var p in s.parameters)
                {
                    w.WriteStringValue(p);
                }

                w.WriteEndArray();
            }

            w.WriteString("fieldName", s.fieldName);
            w.WriteString("error", s.error);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }));

    public static SandboxResponse MalformedBody() => BadRequest("Malformed request body.");

    /// <summary>Validates a <c>verificationCode</c> body the way Weavr's bean validation does; <see langword="null"/> when valid.</summary>
    public static SandboxResponse? ValidateVerificationCode(JsonDocument? body, out string code)
    {
        code = body is null ? string.Empty : JsonBody.GetString(body.RootElement, "verificationCode") ?? string.Empty;
        if (body is null || !JsonBody.Has(body.RootElement, "verificationCode"))
        {
            return BadRequest("request.verificationCode: must not be null");
        }

        if (code.Length != 6)
        {
            return BadRequest("request.verificationCode: size must be between 6 and 6");
        }

        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return BadRequest("request.verificationCode: must match \"^[0-9]*$\"");
            }
        }

        return null;
    }
}
