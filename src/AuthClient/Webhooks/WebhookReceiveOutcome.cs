namespace AuthClient.Webhooks;

/// <summary>The outcome of <see cref="WeavrWebhookReceiver.ReceiveAsync(WeavrWebhookKind, WeavrWebhookHeaders, ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
public enum WebhookReceiveOutcome
{
    /// <summary>Verified, parsed, new, and handled by every sink. HTTP 204.</summary>
    Accepted = 1,

    /// <summary>Not dispatched, for the <see cref="WebhookReceiveResult.RejectionReason"/>.</summary>
    Rejected,

    /// <summary>
    /// Verified and parsed, but at least one sink threw. Every sink was still called; the call-ref was released so Weavr's
    /// redelivery is accepted again (sinks must be idempotent). HTTP 500, so Weavr redelivers.
    /// </summary>
    HandlerFailed,
}
