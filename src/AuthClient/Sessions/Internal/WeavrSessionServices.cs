using AuthClient.Weavr;
using Microsoft.Extensions.Logging;

namespace AuthClient.Sessions.Internal;

/// <summary>What every session of a registry shares: the client factory, the challenge registry, the clock, the options.</summary>
internal sealed class WeavrSessionServices
{
    /// <summary>Resolves a Weavr client per logical call, so the HTTP handlers rotate as IHttpClientFactory intends.</summary>
    public required Func<IWeavrAuthClient> CreateClient { get; init; }

    public required PendingChallengeRegistry Challenges { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    public required WeavrSessionOptions Options { get; init; }

    public required ILogger Logger { get; init; }

    public IOtpCodeProvider? CodeProvider { get; init; }

    /// <summary>Stores a snapshot after a change; <see langword="null"/> for a session that is not persisted.</summary>
    public Func<WeavrSession, WeavrSessionSnapshot, CancellationToken, ValueTask>? Persist { get; init; }
}
