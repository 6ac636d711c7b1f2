namespace AuthClient.Sessions.Internal;

/// <summary>
/// One in-flight operation shared by every concurrent caller that needs it (single-flight): the token exchange or the
/// step-up of a session. Each caller waits with its own cancellation token; the operation itself is cancelled only
/// when every caller has stopped waiting. The owner creates, joins and clears flights under its own lock.
/// </summary>
internal sealed class SharedFlight<T>
{
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Not disposed on purpose: it has no timer, and a late waiter may still cancel it.
    private readonly CancellationTokenSource _abandoned = new();
    private int _waiters;

    /// <summary>Gets a value indicating whether every caller stopped waiting: join a new flight instead.</summary>
    public bool IsAbandoned => _abandoned.IsCancellationRequested;

    /// <summary>Registers one more caller; call it under the owner's lock before <see cref="WaitAsync"/>.</summary>
    public void Join() => Interlocked.Increment(ref _waiters);

    /// <summary>Runs the operation, once, started by the caller that created the flight (outside the owner's lock).</summary>
    public async Task RunAsync(Func<CancellationToken, Task<T>> operation)
    {
        try
        {
            _outcome.TrySetResult(await operation(_abandoned.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_abandoned.IsCancellationRequested)
        {
            _outcome.TrySetCanceled(_abandoned.Token);
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
            if (Interlocked.Decrement(ref _waiters) == 0 && !_outcome.Task.IsCompleted)
            {
                _abandoned.Cancel();
            }
        }
    }
}
