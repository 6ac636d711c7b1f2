using System.Collections.Concurrent;

namespace AuthClient.Sessions;

/// <summary>The default <see cref="IWeavrSessionStore"/>: snapshots in this process's memory, lost on restart.</summary>
public sealed class InMemoryWeavrSessionStore : IWeavrSessionStore
{
    private readonly ConcurrentDictionary<string, WeavrSessionSnapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>Gets the number of stored snapshots.</summary>
    public int Count => _snapshots.Count;

    /// <inheritdoc />
    public ValueTask<WeavrSessionSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        return ValueTask.FromResult(_snapshots.TryGetValue(userKey, out var snapshot) ? snapshot : null);
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
    public ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        _snapshots.TryRemove(userKey, out _);
        return ValueTask.CompletedTask;
    }
}
