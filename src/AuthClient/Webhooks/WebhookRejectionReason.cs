namespace AuthClient.Webhooks;

/// <summary>Why a webhook delivery was rejected. <see cref="WebhookReceiveResult.RecommendedStatusCode"/> maps each to an HTTP status.</summary>
public enum WebhookRejectionReason
{
    /// <summary>The path or kind is not one of the watch paths this SDK receives. HTTP 404.</summary>
    UnknownEventKind = 1,

    /// <summary>The body is larger than <see cref="WeavrWebhookOptions.MaxBodyBytes"/>. HTTP 413.</summary>
    BodyTooLarge,

    /// <summary>No <c>signature-v2</c> header (or an empty one). HTTP 401.</summary>
    MissingSignature,

    /// <summary>No <c>published-timestamp</c> header (or an empty one). HTTP 401.</summary>
    MissingTimestamp,

    /// <summary><c>published-timestamp</c> is not milliseconds since the Unix epoch in decimal digits. HTTP 401.</summary>
    InvalidTimestamp,

    /// <summary>No <c>call-ref</c> header while <see cref="WeavrWebhookOptions.RequireCallRef"/> is set. HTTP 401.</summary>
    MissingCallRef,

    /// <summary>
    /// <c>signature-v2</c> does not match: forged, signed with another key, or the body, call-ref or timestamp was altered. HTTP 401.
    /// </summary>
    InvalidSignature,

    /// <summary>
    /// Correctly signed, but <c>published-timestamp</c> is further than <see cref="WeavrWebhookOptions.TimestampTolerance"/>
    /// from now, in the past or the future. HTTP 401.
    /// </summary>
    StaleTimestamp,

    /// <summary>Correctly signed, but the body is not the JSON event of its kind (not JSON, wrong shape, a required field missing). HTTP 400.</summary>
    MalformedBody,

    /// <summary>
    /// Correctly signed and parsed, but its <c>call-ref</c> (or, without one, the same signed content) was already accepted
    /// (or is being handled) within the replay window: a redelivery or a replay. The event is not dispatched again. HTTP 204, so Weavr stops redelivering.
    /// </summary>
    Replayed,

    /// <summary><c>call-ref</c> is longer than the 255 characters Weavr's contract allows
    /// (<see cref="WeavrWebhookReceiver.MaxCallRefLength"/>); checked before the signature. HTTP 400.</summary>
    InvalidCallRef,

    /// <summary>Another delivery of the same call-ref is still being handled (possibly on another instance); answered 409
    /// so that Weavr delivers it again later rather than losing it should the first handling fail.</summary>
    InProgress,
}
