using System.Net;

namespace AuthClient.Weavr;

/// <summary>A successful Weavr answer with no body, and the references to quote to support.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="RequestRef">The server's <c>request-ref</c>.</param>
/// <param name="IdempotencyRef">The <c>idempotency-ref</c> the call was sent with, if it declares one.</param>
public record WeavrResponse(HttpStatusCode StatusCode, string? RequestRef, string? IdempotencyRef);
