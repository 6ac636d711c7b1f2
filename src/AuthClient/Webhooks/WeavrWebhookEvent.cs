namespace AuthClient.Webhooks;

/// <summary>A verified Weavr webhook delivery. The concrete types are <see cref="StepUpEvent"/>, <see cref="LoginEvent"/>, <see cref="EnrolmentEvent"/> and <see cref="UserDeactivatedEvent"/>.</summary>
public abstract record WeavrWebhookEvent
{
    /// <summary>Gets the <c>call-ref</c> header: unique per delivery (empty when the sender omitted it).</summary>
    public required string CallRef { get; init; }

    /// <summary>Gets the publication time (<c>published-timestamp</c>).</summary>
    public required DateTimeOffset PublishedAt { get; init; }
}
