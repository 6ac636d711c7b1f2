using System.Net.Http.Headers;

namespace AuthClient.Http.Internal;

/// <summary>The correlation headers every result and exception reports, read in one place.</summary>
internal static class CorrelationHeaders
{
    /// <summary>The server's reference for one answer (quote it to support).</summary>
    public const string RequestRef = "request-ref";

    /// <summary>The caller's reference for one logical call, the same on every retry.</summary>
    public const string IdempotencyRef = "idempotency-ref";

    public static string? ReadRequestRef(HttpResponseMessage? response) => First(response?.Headers, RequestRef);

    public static string? ReadIdempotencyRef(HttpRequestMessage? request) => First(request?.Headers, IdempotencyRef);

    // NonValidated: no parsing into the header store and no enumerator allocated to read one plain value.
    public static string? First(HttpHeaders? headers, string name)
    {
        if (headers is null || !headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }
}
