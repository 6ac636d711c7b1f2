using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AuthClient.Benchmarks.PerCall;

/// <summary>
/// Listens to the runtime's <c>GCAllocationTick</c> events (one per ~100 KB allocated, naming the type being allocated
/// at that moment): over many calls, the bytes attributed to each type are proportional to what allocates them.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    /// <summary>Gets the sampled bytes per allocated type.</summary>
    public IReadOnlyDictionary<string, long> BytesByType => _bytesByType;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a]) : 100_000;
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
