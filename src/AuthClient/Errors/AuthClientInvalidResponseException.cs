using System.Net;

namespace AuthClient.Errors;

/// <summary>
/// The server answered with a success status, but the body could not be read as the documented JSON (a proxy's page, a
/// truncated body, a changed contract). The server has acted on the request: do not blindly repeat a non-idempotent call.
/// Neither the message nor any property holds the body, which may carry a token.
/// </summary>
public sealed class AuthClientInvalidResponseException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientInvalidResponseException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="requestRef">The server's <c>request-ref</c>, if any.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, if any.</param>
    /// <param name="innerException">The parsing error.</param>
    public AuthClientInvalidResponseException(string message, HttpStatusCode statusCode, string? requestRef, string? idempotencyRef, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestRef = requestRef;
        IdempotencyRef = idempotencyRef;
    }

    /// <summary>Gets the HTTP status code of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the server's <c>request-ref</c>: quote it to the provider's support.</summary>
    public string? RequestRef { get; }

    /// <summary>Gets the <c>idempotency-ref</c> the call was sent with, if it declared one.</summary>
    public string? IdempotencyRef { get; }
}
