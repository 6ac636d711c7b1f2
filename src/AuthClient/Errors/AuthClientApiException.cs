using System.Net;

namespace AuthClient.Errors;

/// <summary>
/// The server answered with an error status. Carries the status, the error code, the <c>request-ref</c> and the
/// <c>idempotency-ref</c> the call was sent with, and the parsed body. Never a secret.
/// </summary>
public class AuthClientApiException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientApiException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public AuthClientApiException(ApiErrorDetails details)
        : base(Describe(details))
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Gets everything the server answered, parsed.</summary>
    public ApiErrorDetails Details { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>Gets the error code from the body (<c>errorCode</c>, <c>code</c> or <c>error_code</c>), if any.</summary>
    public string? ErrorCode => Details.ErrorCode;

    /// <summary>Gets the server's <c>request-ref</c>: quote it to the provider's support.</summary>
    public string? RequestRef => Details.RequestRef;

    /// <summary>Gets the <c>idempotency-ref</c> the call was sent with, if it declared one.</summary>
    public string? IdempotencyRef => Details.IdempotencyRef;

    private static string Describe(ApiErrorDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var text = $"{d.Api} {d.Method} {d.Path} failed with {(int)d.StatusCode} {d.StatusCode}";
        if (d.ErrorCode is not null)
        {
            text += $" (error code {d.ErrorCode})";
        }

        if (d.ServerMessages.Count > 0)
        {
            text += $": {string.Join("; ", d.ServerMessages)}";
        }

        if (d.RequestRef is not null)
        {
            text += $" [request-ref {d.RequestRef}]";
        }

        if (d.IdempotencyRef is not null)
        {
            text += $" [idempotency-ref {d.IdempotencyRef}]";
        }

        return text + ".";
    }
}
