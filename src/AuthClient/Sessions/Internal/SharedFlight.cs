namespace AuthClient.Sessions.Internal;

/// <summary>
/// One in-flight operation shared by every concurrent caller that needs it (single-flight): the token exchange or the
/// step-up of a session. Each caller waits with its own cancellation token; the operation itself is cancelled only
/// when every caller has stopped waiting. Joining and leaving are atomic with respect to each other: once the last
/// caller has left, the flight is abandoned and refuses new callers (who start a new flight), so a caller that joins
/// can never be cancelled by one that left before it.
/// </summary>
internal sealed class SharedFlight<T>
{
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Not disposed on purpose: it has no timer, and a late waiter may still cancel it.
    private readonly CancellationTokenSource _cancellation = new();
    private readonly object _gate = new();
    private int _waiters;
    private bool _abandoned;

    /// <summary>Gets a value indicating whether every caller stopped waiting before the outcome: join a new flight instead.</summary>
    public bool IsAbandoned
    {
        get
        {
            lock (_gate)
            {
                return _abandoned;
            }
        }
    }

    /// <summary>Joins <paramref name="current"/> unless it is missing or abandoned, else replaces it with a new flight.
    /// Call it under the owner's lock; when <paramref name="created"/>, the caller must <see cref="RunAsync"/> it.</summary>
    public static SharedFlight<T> JoinOrStart(ref SharedFlight<T>? current, out bool created)
    {
        if (current is { } existing && existing.TryJoin())
        {
            created = false;
            return existing;
        }

        var flight = current = new SharedFlight<T>();
        flight.TryJoin();
        created = true;
        return flight;
    }

    /// <summary>Registers one more caller, unless the flight was abandoned; then call <see cref="WaitAsync"/> exactly once.</summary>
    /// <returns><see langword="false"/> when the flight was abandoned (its operation is cancelled).</returns>
    public bool TryJoin()
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                return false;
            }

            _waiters++;
            return true;
        }
    }

    /// <summary>Runs the operation, once, started by the caller that created the flight (outside the owner's lock).</summary>
    public async Task RunAsync(Func<CancellationToken, Task<T>> operation)
    {
        try
        {
            _outcome.TrySetResult(await operation(_cancellation.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            _outcome.TrySetCanceled(_cancellation.Token);
        }
        catch (Exception ex)
        {
            _outcome.TrySetException(ex);
        }
    }

    /// <summary>Waits for the shared outcome; leaving (by cancellation or completion) releases this caller's interest.</summary>
    public async Task<T> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _outcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave();
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_waiters > 0 || _outcome.Task.IsCompleted)
            {
                return;
            }

            _abandoned = true;
        }

        _cancellation.Cancel();
    }
}
