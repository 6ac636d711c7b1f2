namespace AuthClient.Webhooks;

/// <summary>The default webhook receiver settings, in one place.</summary>
public static class WeavrWebhookDefaults
{
    /// <summary>
    /// How far <c>published-timestamp</c> may be from now, in the past or the future, for a delivery to be accepted: 5 minutes
    /// (bounds how long a captured delivery could be replayed, and tolerates clock skew).
    /// </summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an accepted <c>call-ref</c> is remembered to reject duplicates: 10 minutes. It is never remembered for less than
    /// the time its timestamp stays within the tolerance, whatever this is set to.
    /// </summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(10);

    /// <summary>The most call-refs the in-memory replay guard holds: 100,000 (then the soonest to expire is dropped).</summary>
    public const int ReplayCacheCapacity = 100_000;

    /// <summary>The largest body accepted: 64 KiB (auth webhook bodies are a few hundred bytes).</summary>
    public const int MaxBodyBytes = 64 * 1024;
}
