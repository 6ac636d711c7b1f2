using System.Diagnostics;

namespace AuthClient.Samples.WebFarm;

/// <summary>When the emulator's webhooks reached each backend instance (numbered 1 to 3), before they are handled.</summary>
internal sealed class WebhookClock
{
    private readonly long[] _last = new long[Backend.Count + 1];
    private readonly int[] _count = new int[Backend.Count + 1];

    public void Arrived(int instance)
    {
        Volatile.Write(ref _last[instance], Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _count[instance]);
    }

    /// <summary>Gets the <see cref="Stopwatch"/> timestamp of the last webhook that reached <paramref name="instance"/>.</summary>
    public long Last(int instance) => Volatile.Read(ref _last[instance]);

    /// <summary>Gets how many webhooks reached <paramref name="instance"/>.</summary>
    public int Count(int instance) => Volatile.Read(ref _count[instance]);
}
