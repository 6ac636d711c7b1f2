namespace AuthClient.Sessions;

/// <summary>
/// Persists session snapshots by the application's user key. The default keeps them in memory
/// (<see cref="InMemoryWeavrSessionStore"/>). For several instances or restarts, implement it over a distributed
/// cache or database: store <see cref="WeavrSessionSnapshotSerializer.Serialize"/>'s JSON (it contains tokens: encrypt
/// it at rest and expire entries after the idle timeout), and register it before <c>AddSessions</c>. Writes through this
/// interface are last-writer-wins: for several instances implement <see cref="IVersionedWeavrSessionStore"/> (or use
/// <c>AuthClient.Redis</c>), which adds compare-and-set writes and a cheap per-call version check.
/// </summary>
public interface IWeavrSessionStore
{
    /// <summary>Reads the snapshot of a user's session.</summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or <see langword="null"/> when there is none.</returns>
    ValueTask<WeavrSessionSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Writes the snapshot of a user's session, replacing any previous one.</summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the snapshot is stored.</returns>
    ValueTask SetAsync(string userKey, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Deletes the snapshot of a user's session, if any.</summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>A task that completes when the snapshot is gone.</returns>
    ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken);
}
