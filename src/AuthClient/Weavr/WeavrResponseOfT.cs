using System.Net;

namespace AuthClient.Weavr;

/// <summary>A successful Weavr answer: the parsed body and the references to quote to support.</summary>
/// <typeparam name="T">The body type.</typeparam>
/// <param name="Value">The parsed body.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="RequestRef">The server's <c>request-ref</c>.</param>
/// <param name="IdempotencyRef">The <c>idempotency-ref</c> the call was sent with, if it declares one.</param>
public sealed record WeavrResponse<T>(T Value, HttpStatusCode StatusCode, string? RequestRef, string? IdempotencyRef)
    : WeavrResponse(StatusCode, RequestRef, IdempotencyRef);
