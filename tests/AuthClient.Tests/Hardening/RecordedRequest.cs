namespace AuthClient.Tests.Hardening;

/// <summary>One request as <see cref="HostileServer"/> read it off the socket.</summary>
/// <param name="Connection">The number of the TCP connection it came on (1-based, in accept order).</param>
/// <param name="Method">The request method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Headers">The headers, names lower-cased (the last value wins).</param>
/// <param name="Body">The body bytes (de-chunked).</param>
/// <param name="Chunked">Whether the body came with <c>Transfer-Encoding: chunked</c>.</param>
internal sealed record RecordedRequest(int Connection, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Chunked)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
