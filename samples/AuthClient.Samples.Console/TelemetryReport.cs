using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AuthClient.Telemetry;

namespace AuthClient.Samples;

/// <summary>
/// <c>--telemetry</c>: listens to the spans and metrics the journey produces, AuthClient's own and the built-in ones
/// beside them (<c>System.Net.Http</c>, <c>Polly</c>), and prints their names and counts at the end. An application
/// would export them with OpenTelemetry instead (<c>AddSource(AuthClientTelemetry.ActivitySourceName)</c>,
/// <c>AddMeter(AuthClientTelemetry.MeterName)</c>): this shows what it would see.
/// </summary>
internal sealed class TelemetryReport : IDisposable
{
    private static readonly string[] Sources = [AuthClientTelemetry.ActivitySourceName, "System.Net.Http"];
    private static readonly string[] Meters = [AuthClientTelemetry.MeterName, "System.Net.Http", "Polly"];

    private readonly ActivityListener _spans;
    private readonly MeterListener _metrics = new();
    private readonly ConcurrentDictionary<(string Source, string Name), int> _spanCounts = new();
    private readonly ConcurrentDictionary<(string Meter, string Name), (int Count, double Sum, string Kind)> _measurements = new();

    public TelemetryReport()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnSpanEnded,
        };
        ActivitySource.AddActivityListener(_spans);

        _metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _metrics.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i, v));
        _metrics.SetMeasurementEventCallback<int>((i, v, _, _) => Add(i, v));
        _metrics.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i, v));
        _metrics.Start();
    }

    /// <summary>Prints every span name and instrument seen, with counts (and the sum of each counter).</summary>
    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Telemetry the journey produced:");
        output.WriteLine("  Spans (source, name: count)");
        foreach (var ((source, name), count) in _spanCounts.OrderBy(s => s.Key.Source, StringComparer.Ordinal).ThenBy(s => s.Key.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"    {source,-16} {name,-44} {count,5}");
        }

        output.WriteLine("  Metrics (meter, instrument: measurements, and the total of counters)");
        foreach (var ((meter, name), (count, sum, kind)) in _measurements.OrderBy(m => m.Key.Meter, StringComparer.Ordinal).ThenBy(m => m.Key.Name, StringComparer.Ordinal))
        {
            var total = kind == "counter" ? $"  total {sum:0}" : kind == "gauge" ? $"  last {sum:0}" : string.Empty;
            output.WriteLine($"    {meter,-16} {name,-44} {count,5}{total}");
        }
    }

    public void Dispose()
    {
        _spans.Dispose();
        _metrics.Dispose();
    }

    private void OnSpanEnded(Activity activity)
    {
        _spanCounts.AddOrUpdate((activity.Source.Name, activity.OperationName), 1, static (_, n) => n + 1);

        // An exporter reads observable instruments (live sessions) on its own schedule; the sample reads them whenever
        // one of AuthClient's spans ends.
        if (activity.Source.Name == AuthClientTelemetry.ActivitySourceName)
        {
            _metrics.RecordObservableInstruments();
        }
    }

    private void Add(Instrument instrument, double value)
    {
        var kind = instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => "counter",
            ObservableUpDownCounter<int> or ObservableGauge<int> => "gauge",
            _ => "other",
        };
        _measurements.AddOrUpdate(
            (instrument.Meter.Name, instrument.Name),
            (1, value, kind),
            (_, old) => (old.Count + 1, kind == "gauge" ? value : old.Sum + value, kind));
    }
}
