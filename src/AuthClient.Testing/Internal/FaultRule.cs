namespace AuthClient.Testing.Internal;

/// <summary>One injected fault: which requests it hits, how many more times, and what it does.</summary>
internal sealed class FaultRule
{
    public required FaultKind Kind { get; init; }

    public string? Path { get; init; }

    public string? Method { get; init; }

    public int Remaining { get; set; }

    public int StatusCode { get; init; }

    public string? Body { get; init; }

    public TimeSpan Duration { get; init; }

    public string? RateLimitHeader { get; init; }

    /// <summary>Matches when the request path equals or ends with <see cref="Path"/> (so <c>/login_with_password</c> scopes to Weavr's login).</summary>
    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (Path is null || path.EndsWith(Path, StringComparison.Ordinal));
}
