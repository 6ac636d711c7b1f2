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
    /// <exception cref="ArgumentException">The event is not a <see cref="StepUpEvent"/>, <see cref="LoginEvent"/> or <see cref="EnrolmentEvent"/>.</exception>
    public static WeavrWebhookKind GetKind(WeavrWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return webhookEvent switch
        {
            StepUpEvent => WeavrWebhookKind.StepUp,
            LoginEvent => WeavrWebhookKind.Login,
            EnrolmentEvent => WeavrWebhookKind.Enrolment,
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
    /// <exception cref="ArgumentException">The event is not a <see cref="StepUpEvent"/>, <see cref="LoginEvent"/> or <see cref="EnrolmentEvent"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(WeavrWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return WebhookEventCodec.Serialize(webhookEvent);
    }
}
