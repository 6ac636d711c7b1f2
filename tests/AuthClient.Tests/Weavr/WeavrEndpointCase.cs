using AuthClient.Weavr;

namespace AuthClient.Tests.Weavr;

/// <summary>
/// One row of the wire-contract table: how to call an operation through <see cref="IWeavrAuthClient"/>, exactly what
/// must go over the wire, what the server answers and what the caller must get back.
/// </summary>
public sealed record WeavrEndpointCase
{
    /// <summary>Gets the row name shown in test output (the operation id, plus a variant in brackets).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the operation id in Weavr's OpenAPI document.</summary>
    public required string OperationId { get; init; }

    public required string Method { get; init; }

    /// <summary>Gets the concrete path relative to the Multi base (channel filled in).</summary>
    public required string Path { get; init; }

    /// <summary>Gets the exact query string expected (with the leading <c>?</c>), or <see langword="null"/> for none.</summary>
    public string? Query { get; init; }

    /// <summary>Gets a value indicating whether the operation takes <c>Authorization: Bearer</c>.</summary>
    public required bool Secured { get; init; }

    /// <summary>Gets a value indicating whether the operation declares the <c>idempotency-ref</c> header.</summary>
    public required bool DeclaresIdempotencyRef { get; init; }

    /// <summary>Gets the exact JSON body expected, or <see langword="null"/> when the request has no body.</summary>
    public string? ExpectedBody { get; init; }

    public required int SuccessStatus { get; init; }

    public string? SuccessBody { get; init; }

    /// <summary>Gets the call. Login calls take no options (they never send a token or an idempotency-ref).</summary>
    public required Func<IWeavrAuthClient, WeavrCallOptions, Task<WeavrResponse>> Invoke { get; init; }

    /// <summary>Gets the checks on the parsed success body.</summary>
    public required Action<WeavrResponse> AssertSuccess { get; init; }

    public override string ToString() => Name;
}
