namespace AuthClient.Sessions;

/// <summary>
/// A farm-wide lease on a user's step-up, so concurrent calls spread over several instances cause one challenge at
/// Weavr: the instance holding the lease runs the challenge; the others wait for the stepped-up session to appear in
/// the shared store. Optional: without one, step-up is single-flight within each process. <c>AuthClient.Redis</c>
/// registers one backed by a Redis key with an expiry (a crashed holder blocks no one for longer than the lease).
/// </summary>
public interface IWeavrStepUpLease
{
    /// <summary>Tries to take the lease of <paramref name="userKey"/>'s step-up for at most <paramref name="duration"/>.</summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="duration">When the lease ends by itself if never released.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A handle that releases the lease when disposed, or <see langword="null"/> when another holder has it.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string userKey, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Completes when <paramref name="userKey"/>'s step-up lease is free (released or expired), or after <paramref name="wait"/>.</summary>
    /// <param name="userKey">The application's key of the user.</param>
    /// <param name="wait">The longest time to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the lease is free or the wait is over.</returns>
    Task WaitReleasedAsync(string userKey, TimeSpan wait, CancellationToken cancellationToken);
}
