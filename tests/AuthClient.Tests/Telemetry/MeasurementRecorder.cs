using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AuthClient.Telemetry;

namespace AuthClient.Tests.Telemetry;

/// <summary>Every measurement of one container's <c>AuthClient</c> meter (its <see cref="IMeterFactory"/> is the scope), with its tags.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeasurementRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AuthClientTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Measurements { get; } = new();

    /// <summary>Reads the observable instruments (the live-sessions gauge) now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue((instrument.Name, value, tags.ToArray()));
}
