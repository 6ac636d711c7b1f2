namespace AuthClient.Weavr.Internal;

/// <summary>One documented Weavr operation and the headers it declares.</summary>
/// <param name="OperationId">The operation id in Weavr's OpenAPI document.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path template relative to the Multi base URL.</param>
/// <param name="Bearer">Whether the operation takes <c>Authorization: Bearer</c>.</param>
/// <param name="BearerOptional">Whether the operation also accepts the api key alone.</param>
/// <param name="DeclaresIdempotencyRef">Whether the operation declares the <c>idempotency-ref</c> header.</param>
internal sealed record WeavrEndpoint(
    string OperationId,
    HttpMethod Method,
    string Template,
    bool Bearer,
    bool BearerOptional,
    bool DeclaresIdempotencyRef);
