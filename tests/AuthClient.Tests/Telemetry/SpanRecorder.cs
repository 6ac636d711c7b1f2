using System.Collections.Concurrent;
using System.Diagnostics;
using AuthClient.Telemetry;

namespace AuthClient.Tests.Telemetry;

/// <summary>
/// Records the <c>AuthClient</c> spans of one test: an <see cref="ActivityListener"/> keeps only spans in the trace of
/// the root activity this recorder starts (by hand), so tests running in parallel never see each other's spans.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly Activity _root;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is AuthClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == AuthClientTelemetry.ActivitySourceName && activity.TraceId == _root?.TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        // Started by hand, not from a source: it needs no listener, and becomes the parent of the spans this test causes.
        _root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C).Start();
    }

    /// <summary>Gets the AuthClient spans that ended so far, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped];

    public Activity Single(string name) => Assert.Single(Spans, s => s.OperationName == name);

    public static object? Tag(Activity activity, string key) => activity.GetTagItem(key);

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
