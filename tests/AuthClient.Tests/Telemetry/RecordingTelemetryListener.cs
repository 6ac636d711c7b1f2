using System.Collections.Concurrent;
using Polly.Telemetry;

namespace AuthClient.Tests.Telemetry;

/// <summary>A Polly telemetry listener that keeps the pipeline name of every event it is given.</summary>
internal sealed class RecordingTelemetryListener : TelemetryListener
{
    public ConcurrentQueue<string?> Pipelines { get; } = new();

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args) => Pipelines.Enqueue(args.Source.PipelineName);
}
