namespace AuthClient.Webhooks;

/// <summary>
/// Remembers accepted <c>call-ref</c>s so a replayed or redelivered webhook is not dispatched twice. The default,
/// <see cref="InMemoryWebhookReplayGuard"/>, is per process: with several instances behind a load balancer, implement this
/// over a shared store (e.g. Redis <c>SET key NX PX</c>) and register it before <c>AddWebhooks</c> (or replace it after).
/// </summary>
public interface IWebhookReplayGuard
{
    /// <summary>
    /// Registers a call-ref atomically: returns <see langword="true"/> when it was not registered (or its registration
    /// expired), <see langword="false"/> when it is already registered.
    /// </summary>
    /// <param name="callRef">The call-ref (never empty; at most 255 characters). For a delivery without one, a key derived
    /// from its signed content: <c>no-call-ref:</c> followed by 64 hexadecimal digits.</param>
    /// <param name="expiresAt">When the registration may be forgotten.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when newly registered.</returns>
    ValueTask<bool> TryRegisterAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a call-ref, so a redelivery is accepted again. The receiver calls it when a sink failed on the event, before
    /// answering 500.
    /// </summary>
    /// <param name="callRef">The call-ref.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call-ref is forgotten.</returns>
    ValueTask ReleaseAsync(string callRef, CancellationToken cancellationToken);

    /// <summary>
    /// Starts handling a call-ref: <see cref="WebhookReplayStatus.Started"/> when it is new (it is then "processing"
    /// until <see cref="CompleteAsync"/> or <see cref="ReleaseAsync"/>, or until a processing timeout for a holder that
    /// crashed); <see cref="WebhookReplayStatus.InProgress"/> while another delivery of it is being handled (answer so
    /// that Weavr retries); <see cref="WebhookReplayStatus.Done"/> once handled. The default maps
    /// <see cref="TryRegisterAsync"/> onto it (registered = started, else done).
    /// </summary>
    /// <param name="callRef">The call-ref (never empty).</param>
    /// <param name="expiresAt">When the registration may be forgotten once done.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call-ref's status.</returns>
    async ValueTask<WebhookReplayStatus> TryBeginAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await TryRegisterAsync(callRef, expiresAt, cancellationToken).ConfigureAwait(false) ? WebhookReplayStatus.Started : WebhookReplayStatus.Done;

    /// <summary>Marks a started call-ref done: every sink handled it. The default does nothing (registered is done).</summary>
    /// <param name="callRef">The call-ref.</param>
    /// <param name="expiresAt">When the registration may be forgotten.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call-ref is marked done.</returns>
    ValueTask CompleteAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
