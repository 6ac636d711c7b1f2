using System.Diagnostics.CodeAnalysis;

namespace AuthClient.Webhooks;

/// <summary>What the receiver did with one delivery, and the HTTP status to answer Weavr with.</summary>
public sealed class WebhookReceiveResult
{
    private WebhookReceiveResult(WebhookReceiveOutcome outcome, WeavrWebhookKind? kind, WeavrWebhookEvent? webhookEvent, WebhookRejectionReason? reason, Exception? handlerException)
    {
        Outcome = outcome;
        Kind = kind;
        Event = webhookEvent;
        RejectionReason = reason;
        HandlerException = handlerException;
    }

    /// <summary>Gets the outcome.</summary>
    public WebhookReceiveOutcome Outcome { get; }

    /// <summary>Gets the webhook kind, unless it was unknown.</summary>
    public WeavrWebhookKind? Kind { get; }

    /// <summary>Gets the parsed event when the delivery was verified and parsed (accepted, replayed or a handler failed); otherwise <see langword="null"/>.</summary>
    public WeavrWebhookEvent? Event { get; }

    /// <summary>Gets why the delivery was rejected, when <see cref="Outcome"/> is <see cref="WebhookReceiveOutcome.Rejected"/>.</summary>
    public WebhookRejectionReason? RejectionReason { get; }

    /// <summary>Gets the sink exception (an <see cref="AggregateException"/> when several threw), when <see cref="Outcome"/> is <see cref="WebhookReceiveOutcome.HandlerFailed"/>.</summary>
    public Exception? HandlerException { get; }

    /// <summary>Gets a value indicating whether the event was accepted and handled by every sink.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsAccepted => Outcome == WebhookReceiveOutcome.Accepted;

    /// <summary>
    /// Gets the HTTP status to answer with: 204 accepted or replayed (a redelivery of a handled event must stop Weavr
    /// retrying); 409 while another delivery of the same call-ref is being handled (Weavr retries); 401 for every signature, timestamp or call-ref problem; 400 malformed body; 404 unknown kind;
    /// 413 body too large; 500 a sink failed (Weavr redelivers).
    /// </summary>
    public int RecommendedStatusCode => Outcome switch
    {
        WebhookReceiveOutcome.Accepted => 204,
        WebhookReceiveOutcome.HandlerFailed => 500,
        _ => RejectionReason switch
        {
            WebhookRejectionReason.Replayed => 204,
            WebhookRejectionReason.InProgress => 409,
            WebhookRejectionReason.MalformedBody or WebhookRejectionReason.InvalidCallRef => 400,
            WebhookRejectionReason.UnknownEventKind => 404,
            WebhookRejectionReason.BodyTooLarge => 413,
            _ => 401,
        },
    };

    /// <summary>Creates an accepted result.</summary>
    /// <param name="kind">The webhook kind.</param>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The result.</returns>
    internal static WebhookReceiveResult Accepted(WeavrWebhookKind kind, WeavrWebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return new(WebhookReceiveOutcome.Accepted, kind, webhookEvent, null, null);
    }

    /// <summary>Creates a rejected result.</summary>
    /// <param name="reason">Why it was rejected.</param>
    /// <param name="kind">The webhook kind, when known.</param>
    /// <param name="webhookEvent">The event, when it was verified and parsed (a replay).</param>
    /// <returns>The result.</returns>
    internal static WebhookReceiveResult Rejected(WebhookRejectionReason reason, WeavrWebhookKind? kind = null, WeavrWebhookEvent? webhookEvent = null) =>
        new(WebhookReceiveOutcome.Rejected, kind, webhookEvent, reason, null);

    /// <summary>Creates a result for an event a sink failed to handle.</summary>
    /// <param name="kind">The webhook kind.</param>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="exception">What the sink threw.</param>
    /// <returns>The result.</returns>
    internal static WebhookReceiveResult HandlerFailed(WeavrWebhookKind kind, WeavrWebhookEvent webhookEvent, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentNullException.ThrowIfNull(exception);
        return new(WebhookReceiveOutcome.HandlerFailed, kind, webhookEvent, null, exception);
    }

    /// <summary>Describes the result; the event's secrets stay redacted.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"WebhookReceiveResult {{ Outcome = {Outcome}, Kind = {Kind}, RejectionReason = {RejectionReason}, CallRef = {Event?.CallRef}, Status = {RecommendedStatusCode} }}";
}
