namespace AuthClient.Sessions;

/// <summary>
/// A session store that several instances can share safely: every write is a compare-and-set on the snapshot's
/// version, and activity only slides the idle expiry (no rewrite). Sessions check the stored version before each call
/// and re-read the snapshot when another instance changed it; a write that finds a newer version is re-applied to it
/// (a newer sign-in, step-up or logout is never overwritten). <see cref="InMemoryWeavrSessionStore"/> implements it for
/// one process; <c>AuthClient.Redis</c> for a farm.
/// </summary>
public interface IVersionedWeavrSessionStore : IWeavrSessionStore
{
    /// <summary>
    /// Writes <paramref name="snapshot"/> only when the stored version is <paramref name="expectedVersion"/>
    /// (0: nothing stored). The snapshot's own <see cref="WeavrSessionSnapshot.Version"/> is the new version. A
    /// <see cref="WeavrSessionState.LoggedOut"/> snapshot holds no token: the store may keep it (so other instances see
    /// the logout) or delete the entry, under the same version check.
    /// </summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="snapshot">The snapshot to store.</param>
    /// <param name="expectedVersion">The version the snapshot was derived from.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when another writer got there first.</returns>
    ValueTask<bool> TrySetAsync(string userKey, WeavrSessionSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Records activity (the idle expiry slides from <paramref name="activityAt"/>) and returns the stored version, in
    /// one cheap operation: sessions call it before each call to learn whether their copy is stale.
    /// </summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="activityAt">When the call is sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored version, or 0 when nothing is stored (never signed in, removed, or idle-expired).</returns>
    ValueTask<long> TouchAsync(string userKey, DateTimeOffset activityAt, CancellationToken cancellationToken);
}
