using System.Net;

namespace AuthClient.Errors;

/// <summary>What an API answered to a failed call, parsed leniently.</summary>
public sealed record ApiErrorDetails
{
    /// <summary>Gets the API that answered (<c>Weavr</c> or <c>Transmit</c>).</summary>
    public required string Api { get; init; }

    /// <summary>Gets the HTTP method of the call.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path (no query string).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the HTTP status code.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>Gets the error code from the body, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the human-readable message(s) from the body.</summary>
    public IReadOnlyList<string> ServerMessages { get; init; } = [];

    /// <summary>Gets the <c>request-ref</c> response header.</summary>
    public string? RequestRef { get; init; }

    /// <summary>Gets the <c>idempotency-ref</c> the request carried.</summary>
    public string? IdempotencyRef { get; init; }

    /// <summary>Gets the response body for diagnostics: as received, except that the value of every field whose name looks
    /// secret (<c>token</c>, <c>authToken</c>, <c>password</c>, <c>value</c>, <c>verificationCode</c>...) is
    /// <c>[redacted]</c> at any depth; <see langword="null"/> when it was empty, or is not JSON and mentions a secret.</summary>
    public string? ResponseBody { get; init; }
}
