using Microsoft.Extensions.Logging;

namespace AuthClient.Http;

/// <summary>
/// Logs each HTTP attempt of the Weavr and Transmit clients by method, path, status and duration, and never a header
/// or a body. IHttpClientFactory's default loggers are removed from AuthClient's clients: their structured state
/// carries raw header values (api key and bearer token included) even though their rendered text is redacted.
/// </summary>
internal sealed partial class AuthClientHttpLogger(ILogger<AuthClientHttpLogger> logger)
{
    // Each method checks the level first: Uri.Host and Uri.AbsolutePath allocate a string on every read, and this runs
    // on every attempt while the lines are off at the default level.
    public void Started(HttpRequestMessage request)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogStart(logger, request.Method.Method, request.RequestUri?.Host, request.RequestUri?.AbsolutePath);
        }
    }

    public void Completed(HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogStop(logger, request.Method.Method, request.RequestUri?.Host, request.RequestUri?.AbsolutePath, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void Failed(HttpRequestMessage request, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogFailed(logger, request.Method.Method, request.RequestUri?.Host, request.RequestUri?.AbsolutePath, exception.GetType().Name, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 400, EventName = "HttpAttemptStarted", Level = LogLevel.Trace, Message = "{Method} {Host}{Path} sending")]
    private static partial void LogStart(ILogger logger, string method, string? host, string? path);

    [LoggerMessage(EventId = 401, EventName = "HttpAttemptCompleted", Level = LogLevel.Debug, Message = "{Method} {Host}{Path} answered {StatusCode} in {ElapsedMs:F1} ms")]
    private static partial void LogStop(ILogger logger, string method, string? host, string? path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 402, EventName = "HttpAttemptFailed", Level = LogLevel.Debug, Message = "{Method} {Host}{Path} failed without an answer ({ErrorType}) after {ElapsedMs:F1} ms")]
    private static partial void LogFailed(ILogger logger, string method, string? host, string? path, string errorType, double elapsedMs);
}
