using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records the due time every timer is armed with (at creation or by a later
/// <see cref="ITimer.Change"/>, which is how a <see cref="CancellationTokenSource"/> timeout arms its timer), so a test can
/// wait until the code under test is waiting (a retry delay, a timeout) and only then move time forward. Nothing here
/// waits for time to pass; the guard only stops a broken test from hanging forever.
/// </summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private readonly object _gate = new(); // Not System.Threading.Lock: the suites also run on net8.0.
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<Waiter> _waiters = [];

    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Gets the finite due times timers were armed with so far, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Armed(dueTime);
        return timer;
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        List<Waiter> released;
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            released = [.. _waiters.Where(IsSatisfied)];
            _waiters.RemoveAll(released.Contains);
        }

        // Released outside the lock and after the timer is armed, so the test may advance time at once.
        released.ForEach(w => w.Signal.TrySetResult());
    }

    /// <summary>Completes once a timer has been armed with exactly <paramref name="dueTime"/> (now or earlier).</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int occurrence = 1) => WaitForTimerAsync(d => d == dueTime, occurrence);

    /// <summary>Completes once timers have been armed <paramref name="occurrence"/> times with a due time matching <paramref name="match"/>.</summary>
    public Task WaitForTimerAsync(Func<TimeSpan, bool> match, int occurrence = 1)
    {
        var waiter = new Waiter(match, occurrence, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (IsSatisfied(waiter))
            {
                return Task.CompletedTask;
            }

            _waiters.Add(waiter);
        }

        return waiter.Signal.Task.WaitAsync(HangGuard);
    }

    private bool IsSatisfied(Waiter waiter) => _dueTimes.Count(waiter.Match) >= waiter.Occurrence;

    private sealed class RecordingTimer(TimerRecordingTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed record Waiter(Func<TimeSpan, bool> Match, int Occurrence, TaskCompletionSource Signal);
}
