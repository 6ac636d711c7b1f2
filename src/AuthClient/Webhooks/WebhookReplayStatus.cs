namespace AuthClient.Webhooks;

/// <summary>What <see cref="IWebhookReplayGuard.TryBeginAsync"/> found for a call-ref.</summary>
public enum WebhookReplayStatus
{
    /// <summary>New: this delivery handles it.</summary>
    Started,

    /// <summary>Another delivery of it is being handled: answer so that Weavr retries later (it may still fail).</summary>
    InProgress,

    /// <summary>Already handled: a redelivery, answered 204.</summary>
    Done,
}
