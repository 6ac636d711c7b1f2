using AuthClient.Webhooks.Internal;

namespace AuthClient.Webhooks;

/// <summary>
/// Writes events in Weavr's wire format, for emulators and tests that deliver webhooks (sign the bytes with
/// <see cref="WeavrWebhookSigner"/> and POST them to the path of <see cref="GetKind"/>). The receiver never re-serializes.
/// </summary>
public static class WeavrWebhookSerializer
{
    /// <summary>Gets the kind (and so the watch path) of an event.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentException">The event is not a <see cref="StepUpEvent"/>, <see cref="LoginEvent"/>, <see cref="EnrolmentEvent"/> or <see cref="UserDeactivatedEvent"/>.</exception>
    public static WeavrWebhookKind GetKind(WeavrWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return webhookEvent switch
        {
            StepUpEvent => WeavrWebhookKind.StepUp,
            LoginEvent => WeavrWebhookKind.Login,
            EnrolmentEvent => WeavrWebhookKind.Enrolment,
            UserDeactivatedEvent => WeavrWebhookKind.UserDeactivated,
            _ => throw new ArgumentException($"Unsupported webhook event type {webhookEvent.GetType().Name}.", nameof(webhookEvent)),
        };
    }

    /// <summary>
    /// Serializes an event as Weavr sends it: camelCase fields, <c>publishedTimestamp</c> as a ms-epoch string from
    /// <see cref="WeavrWebhookEvent.PublishedAt"/>, the step-up <c>authToken</c> in clear (omitted when null).
    /// <see cref="WeavrWebhookEvent.CallRef"/> is a header, not part of the body.
    /// </summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The UTF-8 JSON body.</returns>
    /// <exception cref="ArgumentException">The event is not a <see cref="StepUpEvent"/>, <see cref="LoginEvent"/>, <see cref="EnrolmentEvent"/> or <see cref="UserDeactivatedEvent"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(WeavrWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return WebhookEventCodec.Serialize(webhookEvent);
    }

    /// <summary>
    /// Parses a body written by <see cref="SerializeToUtf8Bytes"/> (or received from Weavr and verified), e.g. to hand
    /// an event verified on one instance to the others. Never verifies a signature: only pass bytes you trust.
    /// </summary>
    /// <param name="kind">The event kind.</param>
    /// <param name="callRef">The delivery's call-ref.</param>
    /// <param name="publishedAt">The delivery's publication time.</param>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <returns>The event, or <see langword="null"/> when the body is not an event of that kind.</returns>
    public static WeavrWebhookEvent? Deserialize(WeavrWebhookKind kind, string callRef, DateTimeOffset publishedAt, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(callRef);
        return WebhookEventCodec.Parse(kind, callRef, publishedAt, body);
    }
}
