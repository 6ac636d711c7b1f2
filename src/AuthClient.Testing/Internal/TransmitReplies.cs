namespace AuthClient.Testing.Internal;

/// <summary>The three Transmit error body shapes (API.md §4.7), in one place.</summary>
internal static class TransmitReplies
{
    /// <summary>Shape 1: <c>{ "error_code": "&lt;string&gt;", "message": "&lt;string&gt;" }</c>.</summary>
    public static SandboxResponse Coded(int statusCode, string errorCode, string message) =>
        new(statusCode, JsonBody.Write((errorCode, message), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("error_code", s.errorCode);
            w.WriteString("message", s.message);
            w.WriteEndObject();
        }));

    /// <summary>Shape 2: <c>{ "message", "error_code": &lt;number&gt;, "ts_error_code" }</c>.</summary>
    public static SandboxResponse Numbered(int statusCode, string message, string? tsErrorCode = null) =>
        new(statusCode, JsonBody.Write((statusCode, message, tsErrorCode), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("message", s.message);
            w.WriteNumber("error_code", s.statusCode);
            if (s.tsErrorCode is not null)
            {
                w.WriteString("ts_error_code", s.tsErrorCode);
            }

            w.WriteEndObject();
        }));

    /// <summary>Shape 3 (token API): <c>{ "message": ["…"], "error_code": &lt;number&gt; }</c>.</summary>
    public static SandboxResponse Listed(int statusCode, string message) =>
        new(statusCode, JsonBody.Write((statusCode, message), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("message");
            w.WriteStringValue(s.message);
            w.WriteEndArray();
            w.WriteNumber("error_code", s.statusCode);
            w.WriteEndObject();
        }));

    public static SandboxResponse Unauthorized() => Numbered(401, "Unauthorized");

    public static SandboxResponse MissingProperty(string property) =>
        Numbered(400, $"{property} should not be null or undefined", "system_invalid_input");
}
