using System.Net;

namespace AuthClient.Errors;

/// <summary>
/// The server answered with a redirect (3xx). AuthClient never follows one: a redirect would carry the
/// <c>api-key</c>, the request body (a password) or a token to whatever host the <c>Location</c> names. Nothing was sent
/// to that host and the call was not retried. A redirect from Weavr or Transmit usually means a wrong base URL
/// (http instead of https, a missing path segment) or a proxy in the way.
/// </summary>
public sealed class AuthClientRedirectException : AuthClientInvalidResponseException
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientRedirectException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="statusCode">The redirect status (301, 302, 303, 307, 308, ...).</param>
    /// <param name="locationHost">The host the <c>Location</c> header names (<see langword="null"/> when absent or relative).</param>
    /// <param name="requestRef">The server's <c>request-ref</c>, if any.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, if any.</param>
    public AuthClientRedirectException(string message, HttpStatusCode statusCode, string? locationHost, string? requestRef, string? idempotencyRef)
        : base(message, statusCode, requestRef, idempotencyRef, innerException: null)
    {
        LocationHost = locationHost;
    }

    /// <summary>Gets the host the redirect pointed to (only the host: the rest of the URL may carry a token).</summary>
    public string? LocationHost { get; }
}
