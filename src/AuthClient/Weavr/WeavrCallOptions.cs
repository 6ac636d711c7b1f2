using AuthClient.Primitives;

namespace AuthClient.Weavr;

/// <summary>Optional per-call settings for a secured Weavr operation.</summary>
public sealed record WeavrCallOptions
{
    /// <summary>Gets the bearer token to send; when <see langword="null"/> the registered <see cref="Http.IWeavrTokenSource"/> is asked.</summary>
    public Secret? Token { get; init; }

    /// <summary>Gets the <c>idempotency-ref</c> to send on the operations that declare it; generated when <see langword="null"/>.
    /// Reuse a value to replay a call safely (e.g. after an <see cref="Errors.AuthClientTransportException"/>).</summary>
    public string? IdempotencyRef { get; init; }

    /// <summary>Creates options carrying a bearer token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The options.</returns>
    public static WeavrCallOptions WithToken(Secret token) => new() { Token = token };
}
