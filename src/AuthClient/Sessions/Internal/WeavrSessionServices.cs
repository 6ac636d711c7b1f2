using AuthClient.Telemetry.Internal;
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

    /// <summary>Step-ups and state transitions are counted here; <see langword="null"/> records nothing.</summary>
    public AuthClientMetrics? Metrics { get; init; }

    /// <summary>The farm-wide step-up lease, when sessions are shared across instances.</summary>
    public IWeavrStepUpLease? StepUpLease { get; init; }

    /// <summary>The store sessions are written to; <see langword="null"/> for sessions that are not persisted.</summary>
    public IWeavrSessionStore? Store { get; init; }

    /// <summary>Called after a session's snapshot was written (the registry keeps its live sessions in step).</summary>
    public Func<WeavrSession, WeavrSessionSnapshot, CancellationToken, ValueTask> Stored { get; init; } = static (_, _, _) => ValueTask.CompletedTask;
}
