using Microsoft.Extensions.Logging;

namespace AuthClient.Sessions;

/// <summary>Log messages (never a token).</summary>
public sealed partial class WeavrSession
{
    [LoggerMessage(EventId = 200, EventName = "SessionStateChanged", Level = LogLevel.Debug, Message = "Weavr session {UserKey}: {PreviousState} -> {State}")]
    private static partial void LogStateChanged(ILogger logger, string userKey, WeavrSessionState previousState, WeavrSessionState state);

    [LoggerMessage(EventId = 201, EventName = "SessionPersistFailed", Level = LogLevel.Warning, Message = "Persisting the Weavr session {UserKey} failed; the in-process session stays authoritative")]
    private static partial void LogPersistFailed(ILogger logger, string userKey, Exception exception);

    [LoggerMessage(EventId = 202, EventName = "SessionStateChangedHandlerFailed", Level = LogLevel.Warning, Message = "A StateChanged handler of the Weavr session {UserKey} threw")]
    private static partial void LogHandlerFailed(ILogger logger, string userKey, Exception exception);

    [LoggerMessage(EventId = 203, EventName = "SessionStepUpReplayRefused", Level = LogLevel.Information, Message = "Weavr session {UserKey}: the call replayed after a step-up was refused again with STEP_UP_REQUIRED; retrying once under a fresh idempotency-ref")]
    private static partial void LogReplayRefused(ILogger logger, string userKey);

    [LoggerMessage(EventId = 204, EventName = "SessionEndedUserDeactivated", Level = LogLevel.Information, Message = "Weavr session {UserKey} ended: Weavr deactivated the user")]
    private static partial void LogDeactivated(ILogger logger, string userKey);
}
