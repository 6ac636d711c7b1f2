using System.Net;
using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Transmit;

namespace AuthClient.Samples;

/// <summary>
/// Prints why a step failed: the exception type and message, and for API errors the status, error code, request-ref
/// and idempotency-ref, then the same for each inner exception. AuthClient keeps secrets out of all of these.
/// </summary>
internal static class FailureReport
{
    public static void Write(TextWriter output, Exception exception)
    {
        var label = "exception";
        for (var e = exception; e is not null; e = e.InnerException, label = "caused by")
        {
            output.WriteLine($"      {label,-12}{e.GetType().Name}: {e.Message}");
            foreach (var (name, value) in Details(e))
            {
                output.WriteLine($"        {name,-17}{value}");
            }
        }
    }

    private static IEnumerable<(string Name, string Value)> Details(Exception exception)
    {
        var details = new List<(string, string?)>();
        switch (exception)
        {
            case AuthClientApiException api:
                details.Add(("status", $"{(int)api.StatusCode} {api.StatusCode}"));
                details.Add(("error code", api.ErrorCode));
                details.Add(("request-ref", api.RequestRef));
                details.Add(("idempotency-ref", api.IdempotencyRef));
                details.Add(("ts error code", (api as TransmitApiException)?.TsErrorCode));
                break;
            case WeavrStepUpFailedException stepUp:
                details.Add(("session", $"{stepUp.UserKey}, {stepUp.State}"));
                details.Add(("step-up", $"{stepUp.Result.Outcome} on {stepUp.Result.Channel}"));
                details.Add(("error code", stepUp.Result.ErrorCode));
                details.Add(("request-ref", stepUp.Result.RequestRef));
                break;
            case WeavrSessionException session:
                details.Add(("session", $"{session.UserKey}, {session.State}"));
                break;
            case StepCheckException check:
                details.Add(("error code", check.ErrorCode));
                details.Add(("request-ref", check.RequestRef));
                break;
            case HttpRequestException { StatusCode: HttpStatusCode status }:
                details.Add(("status", $"{(int)status} {status}"));
                break;
        }

        return details.Where(d => !string.IsNullOrEmpty(d.Item2)).Select(d => (d.Item1, d.Item2!));
    }
}
