using Microsoft.Extensions.Logging;

namespace AuthClient.Webhooks;

// Source-generated log messages. Only the kind, the reason and the call-ref (a correlation id) are logged: never the
// signing key, a signature or the body (a step-up body carries the auth token). The call-ref is logged only once the
// signature proved it came from Weavr.
public sealed partial class WeavrWebhookReceiver
{
    [LoggerMessage(EventId = 300, EventName = "WebhookAccepted", Level = LogLevel.Debug, Message = "Accepted Weavr {Kind} webhook (call-ref {CallRef})")]
    private static partial void LogAccepted(ILogger logger, WeavrWebhookKind kind, string callRef);

    [LoggerMessage(EventId = 301, EventName = "WebhookRejectedUnverified", Level = LogLevel.Warning, Message = "Rejected Weavr {Kind} webhook before verification: {Reason} ({Suppressed} more of this reason not logged as warnings since the last)")]
    private static partial void LogRejectedUnverified(ILogger logger, string kind, WebhookRejectionReason reason, long suppressed);

    [LoggerMessage(EventId = 302, EventName = "WebhookRejected", Level = LogLevel.Warning, Message = "Rejected signed Weavr {Kind} webhook (call-ref {CallRef}): {Reason} ({Suppressed} more of this reason not logged as warnings since the last)")]
    private static partial void LogRejected(ILogger logger, WeavrWebhookKind kind, string callRef, WebhookRejectionReason reason, long suppressed);

    [LoggerMessage(EventId = 303, EventName = "WebhookDuplicateIgnored", Level = LogLevel.Debug, Message = "Ignored duplicate Weavr {Kind} webhook (call-ref {CallRef}): already accepted")]
    private static partial void LogReplayed(ILogger logger, WeavrWebhookKind kind, string callRef);

    [LoggerMessage(EventId = 304, EventName = "WebhookSinkFailed", Level = LogLevel.Error, Message = "A sink failed to handle Weavr {Kind} webhook (call-ref {CallRef}); answering 500 so Weavr redelivers")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, WeavrWebhookKind kind, string callRef);

    [LoggerMessage(EventId = 305, EventName = "WebhookRejectedUnverifiedQuietly", Level = LogLevel.Debug, Message = "Rejected Weavr {Kind} webhook before verification: {Reason}")]
    private static partial void LogRejectedUnverifiedSuppressed(ILogger logger, string kind, WebhookRejectionReason reason);

    [LoggerMessage(EventId = 306, EventName = "WebhookRejectedQuietly", Level = LogLevel.Debug, Message = "Rejected signed Weavr {Kind} webhook (call-ref {CallRef}): {Reason}")]
    private static partial void LogRejectedSuppressed(ILogger logger, WeavrWebhookKind kind, string callRef, WebhookRejectionReason reason);
}
