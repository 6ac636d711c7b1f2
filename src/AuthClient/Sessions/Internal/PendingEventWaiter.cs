namespace AuthClient.Sessions.Internal;

/// <summary>A registration in the <see cref="PendingChallengeRegistry"/>: await the event, then dispose to unregister.</summary>
internal sealed class PendingEventWaiter<TEvent>(PendingEvent<TEvent> pending, Action release, TimeProvider timeProvider) : IDisposable
{
    private int _disposed;

    /// <summary>Waits for the event; throws <see cref="TimeoutException"/> after <paramref name="timeout"/> on the DI clock.</summary>
    public Task<TEvent> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wait = pending.Outcome.Task.WaitAsync(timeout, timeProvider, cancellationToken);

        // The timeout is armed now: observers (tests, emulators) may deliver the event or advance the clock.
        pending.Awaited.TrySetResult();
        return wait;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            release();
        }
    }
}
