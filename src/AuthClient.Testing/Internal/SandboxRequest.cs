namespace AuthClient.Testing.Internal;

/// <summary>A request as the engine sees it, independent of the HTTP host (so the engine is testable on its own).</summary>
internal sealed class SandboxRequest
{
    private readonly Func<string, string?> _header;
    private readonly Func<string, string?> _query;

    public SandboxRequest(string method, string path, Func<string, string?> header, Func<string, string?> query, ReadOnlyMemory<byte> body)
    {
        Method = method;
        Path = path;
        _header = header;
        _query = query;
        Body = body;
    }

    public string Method { get; }

    public string Path { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Returns the first value of a header (case-insensitive), or <see langword="null"/>.</summary>
    public string? Header(string name) => _header(name);

    /// <summary>Returns the first value of a query parameter, or <see langword="null"/>.</summary>
    public string? Query(string name) => _query(name);

    /// <summary>Creates a request from plain dictionaries (engine tests, in-process callers).</summary>
    public static SandboxRequest Create(
        string method,
        string path,
        IReadOnlyDictionary<string, string>? headers = null,
        string? body = null,
        IReadOnlyDictionary<string, string>? query = null)
    {
        var headerMap = headers is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        var queryMap = query ?? new Dictionary<string, string>();
        return new SandboxRequest(
            method,
            path,
            name => headerMap.TryGetValue(name, out var value) ? value : null,
            name => queryMap.TryGetValue(name, out var value) ? value : null,
            body is null ? ReadOnlyMemory<byte>.Empty : System.Text.Encoding.UTF8.GetBytes(body));
    }
}
