using AuthClient.Benchmarks.Floor;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace AuthClient.Benchmarks.PerCall;

/// <summary>
/// Benchmark-only replacements of the SDK's call stage (its Polly pipeline), registered before <c>AddAuthClient</c> so
/// the SDK's own is not: what the stage costs is the difference to <see cref="Sdk"/>. Never a configuration to ship.
/// </summary>
internal enum CallStageVariant
{
    /// <summary>The SDK as registered: total timeout → retry, with Polly's telemetry.</summary>
    Sdk,

    /// <summary>The same two strategies and defaults, without Polly's telemetry (events, logs, metrics).</summary>
    WithoutTelemetry,

    /// <summary>An empty pipeline: the handler still runs it, no strategy does anything.</summary>
    Empty,
}

/// <summary>Registers a <see cref="CallStageVariant"/>.</summary>
internal static class CallStageVariants
{
    private const string WeavrClientName = "AuthClient.Weavr"; // the SDK's client (and pipeline key) name

    public static void Register(IServiceCollection services, CallStageVariant variant)
    {
        switch (variant)
        {
            case CallStageVariant.WithoutTelemetry:
                services.AddKeyedSingleton(WeavrClientName, FloorCalls.CallStage(withTelemetry: false));
                break;
            case CallStageVariant.Empty:
                services.AddKeyedSingleton(WeavrClientName, ResiliencePipeline<HttpResponseMessage>.Empty);
                break;
        }
    }
}
