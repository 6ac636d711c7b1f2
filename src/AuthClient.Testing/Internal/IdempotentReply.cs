namespace AuthClient.Testing.Internal;

/// <summary>The first answer to an <c>idempotency-ref</c>, replayed to a repeat of the same call.</summary>
internal sealed class IdempotentReply
{
    public required byte[] RequestBodyHash { get; init; }

    public required int StatusCode { get; init; }

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public SandboxResponse ToResponse() => new(StatusCode, Body, ContentType);
}
