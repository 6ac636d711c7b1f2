using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using WireMock;

namespace AuthClient.Tests.Support;

/// <summary>Reads what a client put on the wire, as WireMock recorded it.</summary>
public static class RequestMessageExtensions
{
    /// <summary>Returns the values of header <paramref name="name"/> (case-insensitive), or <see langword="null"/> when absent.</summary>
    public static IReadOnlyList<string>? HeaderValues(this IRequestMessage request, string name)
    {
        var headers = request.Headers;
        if (headers is null)
        {
            return null;
        }

        foreach (var (key, values) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return [.. values];
            }
        }

        return null;
    }

    /// <summary>Returns the single value of header <paramref name="name"/>, or <see langword="null"/> when absent.</summary>
    public static string? Header(this IRequestMessage request, string name)
    {
        var values = request.HeaderValues(name);
        return values is null ? null : Assert.Single(values);
    }

    /// <summary>Returns the media type of the <c>Content-Type</c> header (parameters such as charset dropped).</summary>
    public static string? MediaType(this IRequestMessage request) =>
        request.Header("Content-Type") is { } value ? MediaTypeHeaderValue.Parse(value).MediaType : null;

    /// <summary>Returns the body parsed as JSON, or <see langword="null"/> when the request had no body.</summary>
    public static JsonNode? JsonBody(this IRequestMessage request) =>
        string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body);
}
