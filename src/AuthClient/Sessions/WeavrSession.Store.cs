using AuthClient.Sessions.Internal;

namespace AuthClient.Sessions;

/// <summary>Persistence: the session's changes written to the store (compare-and-set when it is versioned), and the
/// stored copy read back when another instance changed it.</summary>
public sealed partial class WeavrSession
{
    private const int MaxStoreAttempts = 8;

    private SemaphoreSlim? _storeGate; // Created by the first write (see StoreGate).
    private readonly DateTimeOffset _createdAt;

    // Guarded by _sync: the store's version _data derives from, and the events applied since (re-applied on a conflict).
    private long _storedVersion;
    private List<SessionEvent>? _unstored; // Null when nothing is unstored: an idle session holds no list.
    private bool _touched;

    /// <summary>Serializes writes to the store; created by the first one.</summary>
    private SemaphoreSlim StoreGate => LazyInitializer.EnsureInitialized(ref _storeGate, static () => new SemaphoreSlim(1, 1));

    /// <summary>Gets a value indicating whether the registry may forget this session: nothing to write, nothing in
    /// flight, and idle (or without activity) for twice the idle timeout.</summary>
    internal bool IsEvictable(DateTimeOffset now)
    {
        lock (_sync)
        {
            var since = _data.LockedUntil ?? _data.LastActivity ?? _createdAt;
            return _unstored is null && !_touched && _stepUpFlight is null && _exchangeFlight is null &&
                since + (Options.IdleTimeout * 2) <= now;
        }
    }

    /// <summary>Re-reads the stored copy when its version differs from this one's (another instance changed it).</summary>
    internal async ValueTask RefreshAsync(WeavrSessionSnapshot? stored, CancellationToken cancellationToken)
    {
        bool stale;
        lock (_sync)
        {
            stale = (stored?.Version ?? 0) != _storedVersion;
        }

        if (stale)
        {
            await ReconcileAsync(reread: true, cancellationToken).ConfigureAwait(false);
        }
    }

    // Records a change: activity alone only slides the stored expiry; anything else is written.
    private void RecordLocked(SessionData previous, SessionData next, SessionEvent? cause)
    {
        if (previous.DiffersOnlyInActivity(next))
        {
            _touched = true;
        }
        else if (cause is not null)
        {
            (_unstored ??= []).Add(cause);
        }
    }

    /// <summary>
    /// Before a call, with a versioned store: slides the stored idle expiry and learns the stored version in one
    /// operation, and re-reads the stored copy when another instance changed it.
    /// </summary>
    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (_services.Store is not IVersionedWeavrSessionStore store)
        {
            return;
        }

        long stored;
        bool stale;
        try
        {
            stored = await store.TouchAsync(UserKey, Now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new WeavrSessionStoreException(UserKey, ex);
        }

        lock (_sync)
        {
            stale = stored != _storedVersion;
            _touched = false;
        }

        if (stale)
        {
            try
            {
                await ReconcileAsync(reread: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or WeavrSessionStoreException))
            {
                throw new WeavrSessionStoreException(UserKey, ex);
            }
        }
    }

    /// <summary>
    /// Writes what changed, with its own bounded timeout rather than the caller's token: an aborted request must not
    /// lose a sign-in, step-up or logout. A failure is logged; the change stays pending and is written with the next one.
    /// </summary>
    private async Task PersistAsync()
    {
        if (_services.Store is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(Options.PersistTimeout, _services.TimeProvider);
        try
        {
            await ReconcileAsync(reread: false, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogPersistFailed(_services.Logger, UserKey, ex);
        }
    }

    /// <summary>
    /// Writes pending changes; on a version conflict (or when <paramref name="reread"/>), re-reads the stored copy and
    /// re-applies them to it.
    /// </summary>
    private async Task ReconcileAsync(bool reread, CancellationToken cancellationToken)
    {
        var store = _services.Store!;
        await StoreGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                WeavrSessionSnapshot? snapshot = null;
                long expected;
                int written;
                lock (_sync)
                {
                    expected = _storedVersion;
                    written = _unstored?.Count ?? 0;
                    if (written > 0 || (_touched && store is not IVersionedWeavrSessionStore))
                    {
                        snapshot = _data.ToSnapshot(UserKey, expected + 1);
                    }
                }

                if (snapshot is null && !reread)
                {
                    return;
                }

                if (snapshot is not null && await WriteAsync(store, snapshot, expected, cancellationToken).ConfigureAwait(false))
                {
                    lock (_sync)
                    {
                        _storedVersion = snapshot.Version;
                        if (written > 0)
                        {
                            _unstored!.RemoveRange(0, written);
                            _unstored = _unstored.Count == 0 ? null : _unstored;
                        }

                        _touched = false;
                    }

                    await _services.Stored(this, snapshot, cancellationToken).ConfigureAwait(false);
                    reread = false;
                    continue;
                }

                if (attempt > MaxStoreAttempts)
                {
                    throw new WeavrSessionStoreException(UserKey, $"The session changed in the store {MaxStoreAttempts} times while this instance was writing it.");
                }

                Rebase(await store.GetAsync(UserKey, cancellationToken).ConfigureAwait(false));
                reread = false;
            }
        }
        finally
        {
            StoreGate.Release();
            RaisePending();
        }
    }

    private static async ValueTask<bool> WriteAsync(IWeavrSessionStore store, WeavrSessionSnapshot snapshot, long expected, CancellationToken cancellationToken)
    {
        if (store is IVersionedWeavrSessionStore versioned)
        {
            return await versioned.TrySetAsync(snapshot.UserKey, snapshot, expected, cancellationToken).ConfigureAwait(false);
        }

        // A store without versions: last writer wins.
        if (snapshot.State == WeavrSessionState.LoggedOut)
        {
            await store.RemoveAsync(snapshot.UserKey, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.SetAsync(snapshot.UserKey, snapshot, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Takes the stored copy as the new base and re-applies this instance's unwritten events to it.</summary>
    private void Rebase(WeavrSessionSnapshot? stored)
    {
        lock (_sync)
        {
            var rebased = stored is null
                ? (_data.HasToken ? _data.WithoutTokens() with { State = WeavrSessionState.Expired, ExpiredAt = Now } : _data)
                : SessionData.FromSnapshot(stored) with { ExpiredAt = _data.ExpiredAt };

            // A step-up or sign-in elsewhere starts a new step-up generation here too.
            rebased = rebased with { StepUpGeneration = _data.StepUpGeneration + 1 };
            foreach (var e in _unstored ?? [])
            {
                rebased = SessionTransitions.Apply(rebased, e, Options.IdleTimeout);
            }

            _storedVersion = stored?.Version ?? 0;
            var previous = _data;
            _data = rebased;
            if (previous.State != rebased.State)
            {
                (_unraised ??= []).Add(new WeavrSessionStateChangedEventArgs(UserKey, previous.State, rebased.State));
            }
        }
    }
}
