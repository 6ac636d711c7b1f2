using System.Net;

namespace AuthClient.Errors;

/// <summary>
/// An answer arrived, but not one the client can use: a success body that is not the documented JSON (a proxy's page,
/// a changed contract), a body larger than <see cref="Resilience.AuthClientResilienceOptions.MaxResponseBytes"/>,
/// response headers past the transport's limit, or a redirect (<see cref="AuthClientRedirectException"/>). It is never
/// retried: the same server would answer the same way. The server may have acted on the request, so do not blindly
/// repeat a non-idempotent call. Neither the message nor any property holds the body, which may carry a token.
/// </summary>
public class AuthClientInvalidResponseException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientInvalidResponseException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="statusCode">The HTTP status code, or <see langword="null"/> when the status line could not be read.</param>
    /// <param name="requestRef">The server's <c>request-ref</c>, if any.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, if any.</param>
    /// <param name="innerException">The parsing error.</param>
    public AuthClientInvalidResponseException(string message, HttpStatusCode? statusCode, string? requestRef, string? idempotencyRef, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestRef = requestRef;
        IdempotencyRef = idempotencyRef;
    }

    /// <summary>Gets the HTTP status code of the answer, or <see langword="null"/> when it could not be read (headers too large).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the server's <c>request-ref</c>: quote it to the provider's support.</summary>
    public string? RequestRef { get; }

    /// <summary>Gets the <c>idempotency-ref</c> the call was sent with, if it declared one.</summary>
    public string? IdempotencyRef { get; }
}
