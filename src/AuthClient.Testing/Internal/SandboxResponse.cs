using System.Text;

namespace AuthClient.Testing.Internal;

/// <summary>A response as the engine produces it; the host turns it into HTTP.</summary>
internal sealed class SandboxResponse
{
    public const string JsonContentType = "application/json";

    public SandboxResponse(int statusCode, byte[]? body = null, string? contentType = null)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = body is null ? null : contentType ?? JsonContentType;
    }

    public int StatusCode { get; }

    public byte[]? Body { get; }

    public string? ContentType { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new(2);

    /// <summary>Gets or sets a value indicating whether the host must abort the connection instead of answering.</summary>
    public bool DropConnection { get; set; }

    /// <summary>Gets or sets work to run once the response has been sent (auto-approval of a push).</summary>
    public Action? AfterSent { get; set; }

    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public SandboxResponse WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }
}
