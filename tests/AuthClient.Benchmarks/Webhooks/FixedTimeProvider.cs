namespace AuthClient.Benchmarks.Webhooks;

/// <summary>A clock stopped at one instant, so a delivery signed in the setup never becomes stale during a long run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
