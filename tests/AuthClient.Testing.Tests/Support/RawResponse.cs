using System.Net.Http.Headers;
using System.Text.Json;

namespace AuthClient.Testing.Tests.Support;

/// <summary>A raw HTTP answer: status, body text and headers.</summary>
internal sealed record RawResponse(int Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders)
{
    public string? RequestRef => Header("request-ref");

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Get(string property) => Json.GetProperty(property).GetString();
}
