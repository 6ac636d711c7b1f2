namespace AuthClient.Testing;

/// <summary>A request the sandbox received and what it answered (from WireMock's request log).</summary>
public sealed record SandboxRequestLogEntry
{
    /// <summary>Gets when the request arrived (wall clock, UTC).</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the path, e.g. <c>/multi/login_with_password</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the raw query string (without <c>?</c>), or empty.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the request headers (case-insensitive names; repeated values joined with <c>, </c>).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the request body as text, or <see langword="null"/> when there was none.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the status answered (for a dropped connection: the status that was never sent).</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets the <c>request-ref</c> answered.</summary>
    public string? RequestRef { get; init; }

    /// <summary>Gets a value indicating whether the connection was dropped instead of answering (an injected fault).</summary>
    public bool ConnectionDropped { get; init; }

    /// <summary>Returns a request header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
