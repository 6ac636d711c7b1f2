namespace AuthClient.Webhooks;

/// <summary>
/// Receives every webhook event that passed verification. Sessions register one to complete pending push and
/// biometric challenges; register your own to react to events too. Register sinks as singletons.
/// </summary>
public interface IWeavrWebhookEventSink
{
    /// <summary>Handles one verified event. Must be idempotent and quick; it runs before the 204 is returned.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken);
}
