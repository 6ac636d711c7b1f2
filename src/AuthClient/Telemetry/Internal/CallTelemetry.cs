using System.Diagnostics;
using AuthClient.Errors;

namespace AuthClient.Telemetry.Internal;

/// <summary>
/// The span and the duration measurement of one logical HTTP call, started by an API's outermost handler (once per
/// call, outside the retry loop): the attempts show up beneath it as <c>System.Net.Http</c> spans.
/// </summary>
internal sealed class CallTelemetry : IDisposable
{
    private readonly AuthClientMetrics? _metrics;
    private readonly string _api;
    private readonly string _operation;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _activity;
    private string? _outcome;

    private CallTelemetry(AuthClientMetrics? metrics, string api, string operation, HttpMethod method, string? urlTemplate)
    {
        _metrics = metrics;
        _api = api;
        _operation = operation;
        _activity = AuthClientActivity.StartCall(api, operation, method, urlTemplate);
    }

    /// <summary>Starts a call's telemetry: <paramref name="api"/> is <c>weavr</c> or <c>transmit</c>.</summary>
    public static CallTelemetry Start(AuthClientMetrics? metrics, string api, string operation, HttpMethod method, string? urlTemplate) =>
        new(metrics, api, operation, method, urlTemplate);

    /// <summary>The call got an HTTP answer (which may be an error status).</summary>
    public void Answered(int statusCode, string? requestRef, int attempts)
    {
        AuthClientActivity.Answered(_activity, statusCode);
        _activity?.SetTag(AuthClientActivity.RequestRef, requestRef);
        _activity?.SetTag(AuthClientActivity.Attempts, attempts);
        _outcome = statusCode < 400 ? "success" : statusCode < 500 ? "client_error" : "server_error";
    }

    /// <summary>The call failed without an answer; <paramref name="error"/> is the exception the caller sees.</summary>
    public void Failed(Exception error, int attempts)
    {
        AuthClientActivity.Failed(_activity, error);
        _activity?.SetTag(AuthClientActivity.Attempts, attempts);
        _outcome = error switch
        {
            AuthClientTimeoutException => "timeout",
            OperationCanceledException => "cancelled",
            _ => "transport_error",
        };
    }

    /// <summary>Ends the span and records the duration; a call that neither answered nor failed was cancelled by its caller.</summary>
    public void Dispose()
    {
        if (_outcome is null)
        {
            AuthClientActivity.Failed(_activity, typeof(OperationCanceledException).FullName!);
            _outcome = "cancelled";
        }

        _activity?.SetTag(AuthClientActivity.Outcome, _outcome);
        _activity?.Dispose();
        _metrics?.CallCompleted(_api, _operation, _outcome, Stopwatch.GetElapsedTime(_started));
    }
}
