using System.Net;
using System.Text.Json;
using AuthClient.Http.Internal;

namespace AuthClient.Errors.Internal;

/// <summary>An error response read once: its body text and, when the body is JSON, a lenient view of it.</summary>
internal sealed class ErrorResponse : IDisposable
{
    private const int MaxBodyChars = 16 * 1024;

    private ErrorResponse(HttpResponseMessage response, string? body, JsonDocument? json)
    {
        Response = response;
        Body = body;
        Json = json;
    }

    public HttpResponseMessage Response { get; }

    public string? Body { get; }

    public JsonDocument? Json { get; }

    public JsonElement Root => Json?.RootElement ?? default;

    public bool IsObject => Json is not null && Json.RootElement.ValueKind == JsonValueKind.Object;

    public static async Task<ErrorResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? body = null;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // A body cut off mid-way still leaves the status, which is what matters.
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return new ErrorResponse(response, null, null);
        }

        if (body.Length > MaxBodyChars)
        {
            body = body[..MaxBodyChars];
        }

        JsonDocument? json = null;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): keep the text, parse nothing.
        }

        return new ErrorResponse(response, body, json);
    }

    /// <summary>Reads a string property, accepting a number too (Transmit sends <c>error_code</c> as either).</summary>
    public string? GetString(string name) => GetString(Root, name);

    public static string? GetString(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>Reads a property that is a string or an array of strings.</summary>
    public IReadOnlyList<string> GetStrings(string name)
    {
        if (!IsObject || !Root.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            _ => [],
        };
    }

    /// <summary>Builds the common details; every secret-looking field of the body is redacted, at any depth.</summary>
    public ApiErrorDetails ToDetails(string api, string? errorCode, IReadOnlyList<string> messages, string? requestRef)
    {
        var request = Response.RequestMessage;
        return new ApiErrorDetails
        {
            Api = api,
            Method = request?.Method.Method ?? "?",
            Path = request?.RequestUri?.AbsolutePath ?? "?",
            StatusCode = Response.StatusCode,
            ErrorCode = errorCode,
            ServerMessages = messages,
            RequestRef = requestRef,
            IdempotencyRef = CorrelationHeaders.ReadIdempotencyRef(request),
            ResponseBody = ResponseBodyScrubber.Scrub(Body, Json),
        };
    }

    public static bool IsServerError(HttpStatusCode status) => (int)status is >= 500 and <= 599;

    public void Dispose() => Json?.Dispose();
}
