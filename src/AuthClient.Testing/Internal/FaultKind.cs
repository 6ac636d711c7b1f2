namespace AuthClient.Testing.Internal;

/// <summary>The kinds of injected fault.</summary>
internal enum FaultKind
{
    Status,
    RateLimit,
    Delay,
    Drop,
    DropAfterProcessing,
}
