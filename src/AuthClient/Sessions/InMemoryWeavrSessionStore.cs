using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions;

/// <summary>
/// The default <see cref="IWeavrSessionStore"/>: snapshots in this process's memory, lost on restart, with
/// compare-and-set writes. A snapshot is evicted once idle for twice <see cref="WeavrSessionOptions.IdleTimeout"/> (an
/// expired session is still reported as expired for one idle timeout); a logged-out one is removed at once.
/// </summary>
public sealed class InMemoryWeavrSessionStore : IVersionedWeavrSessionStore
{
    private readonly ConcurrentDictionary<string, WeavrSessionSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private long _nextSweep;

    /// <summary>Initializes a new instance of the <see cref="InMemoryWeavrSessionStore"/> class that never evicts
    /// (<c>AddSessions</c> uses the other constructor, which evicts on the DI clock).</summary>
    public InMemoryWeavrSessionStore()
    {
        _timeProvider = TimeProvider.System;
        _retention = TimeSpan.MaxValue;
    }

    /// <summary>Initializes a new instance of the <see cref="InMemoryWeavrSessionStore"/> class.</summary>
    /// <param name="timeProvider">The clock deciding idle eviction.</param>
    /// <param name="options">The session options (<see cref="WeavrSessionOptions.IdleTimeout"/>).</param>
    public InMemoryWeavrSessionStore(TimeProvider timeProvider, IOptions<WeavrSessionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _retention = options.Value.IdleTimeout * 2;
    }

    /// <summary>Gets the number of stored snapshots (idle ones are evicted first).</summary>
    public int Count
    {
        get
        {
            Sweep(force: true);
            return _snapshots.Count;
        }
    }

    /// <inheritdoc />
    public ValueTask<WeavrSessionSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        Sweep(force: false);
        return ValueTask.FromResult(_snapshots.TryGetValue(userKey, out var snapshot) && !IsIdle(snapshot, Now) ? snapshot : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string userKey, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshots[userKey] = snapshot;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> TrySetAsync(string userKey, WeavrSessionSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        ArgumentNullException.ThrowIfNull(snapshot);
        Sweep(force: false);
        if (snapshot.State == WeavrSessionState.LoggedOut)
        {
            // Nothing worth keeping: removed, compare-and-set.
            return ValueTask.FromResult(_snapshots.TryGetValue(userKey, out var stored) && stored.Version == expectedVersion
                ? _snapshots.TryRemove(KeyValuePair.Create(userKey, stored))
                : expectedVersion == 0 && !_snapshots.ContainsKey(userKey));
        }

        var written = expectedVersion == 0
            ? _snapshots.TryAdd(userKey, snapshot) || TryReplaceIdle(userKey, snapshot)
            : _snapshots.TryGetValue(userKey, out var current) && current.Version == expectedVersion && _snapshots.TryUpdate(userKey, snapshot, current);
        return ValueTask.FromResult(written);
    }

    /// <inheritdoc />
    public ValueTask<long> TouchAsync(string userKey, DateTimeOffset activityAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        while (_snapshots.TryGetValue(userKey, out var current))
        {
            if (IsIdle(current, Now))
            {
                return ValueTask.FromResult(0L);
            }

            if (current.LastActivityAt >= activityAt || _snapshots.TryUpdate(userKey, current with { LastActivityAt = activityAt }, current))
            {
                return ValueTask.FromResult(current.Version);
            }
        }

        return ValueTask.FromResult(0L);
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        _snapshots.TryRemove(userKey, out _);
        return ValueTask.CompletedTask;
    }

    private DateTimeOffset Now => _timeProvider.GetUtcNow();

    // A snapshot without activity (anonymous, locked, logged out) is kept until its lock ends or, failing that, evicted
    // like the rest once its last activity is past the idle timeout.
    private bool IsIdle(WeavrSessionSnapshot snapshot, DateTimeOffset now) =>
        _retention != TimeSpan.MaxValue && (snapshot.LockedUntil ?? snapshot.LastActivityAt ?? DateTimeOffset.MinValue) + _retention <= now;

    private bool TryReplaceIdle(string userKey, WeavrSessionSnapshot snapshot) =>
        _snapshots.TryGetValue(userKey, out var current) && IsIdle(current, Now) && _snapshots.TryUpdate(userKey, snapshot, current);

    /// <summary>Evicts idle snapshots, at most once per retention period unless forced.</summary>
    private void Sweep(bool force)
    {
        var now = Now;
        var due = Interlocked.Read(ref _nextSweep);
        if (_retention == TimeSpan.MaxValue || (!force && now.UtcTicks < due))
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _nextSweep, (now + _retention).UtcTicks, due) != due && !force)
        {
            return;
        }

        foreach (var (key, snapshot) in _snapshots)
        {
            if (IsIdle(snapshot, now))
            {
                _snapshots.TryRemove(KeyValuePair.Create(key, snapshot));
            }
        }
    }
}
