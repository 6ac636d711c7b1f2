using System.Diagnostics;
using AuthClient.DependencyInjection;
using AuthClient.Errors;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AuthClient.Http.Internal;

/// <summary>
/// The innermost handler of both APIs: one attempt, from the request leaving to the whole body read, bounded by
/// <see cref="Resilience.AuthClientResilienceOptions.AttemptTimeout"/>. A timeout fails the attempt with Polly's
/// <see cref="TimeoutRejectedException"/>, which the call stage's retry rule and the error mapping handle; the caller's
/// token and the total timeout still win. It refuses redirects and oversized headers as typed, unretried answers, and
/// writes the attempt's Debug lines. One handler rather than a timeout pipeline, a guard and a logging handler: the same
/// rules for a fraction of the per-attempt objects.
/// </summary>
/// <param name="options">The options of every programme.</param>
/// <param name="timeProvider">The clock of the attempt timeout.</param>
/// <param name="log">The attempts' log lines.</param>
/// <param name="programme">Whose timeout and response size limit apply; empty for the unnamed registration.</param>
internal sealed class AttemptHandler(IOptionsMonitor<AuthClientOptions> options, TimeProvider timeProvider, AuthClientHttpLogger log, string programme = "") : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var resilience = options.Get(programme).Resilience;
        using var attempt = new CancellationTokenSource(resilience.AttemptTimeout, timeProvider);
        using var link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), attempt);
        var target = request.RequestUri;
        var started = Stopwatch.GetTimestamp();
        log.Started(request);
        OutboundRequest.MarkSent(request);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400 || !SameOrigin(target, request.RequestUri))
            {
                throw Redirected(request, response);
            }

            await ResponseBody.BufferAsync(request, response, resilience.MaxResponseBytes, attempt.Token).ConfigureAwait(false);
            log.Completed(request, response, Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception ex)
        {
            response?.Dispose();
            log.Failed(request, ex, Stopwatch.GetElapsedTime(started));
            throw Classify(ex, request, attempt, resilience.AttemptTimeout, cancellationToken);
        }
    }

    private static Exception Classify(Exception ex, HttpRequestMessage request, CancellationTokenSource attempt, TimeSpan timeout, CancellationToken callerToken) => ex switch
    {
        OperationCanceledException when attempt.IsCancellationRequested && !callerToken.IsCancellationRequested =>
            new TimeoutRejectedException($"The attempt did not complete within {timeout.TotalSeconds:0.###} s (Resilience.AttemptTimeout).", timeout, ex),
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => new AuthClientInvalidResponseException(
            $"{ResponseBody.Describe(request)} answered with response headers larger than the client accepts; the server may have acted on it.",
            statusCode: null, requestRef: null, CorrelationHeaders.ReadIdempotencyRef(request), ex),
        _ => ex,
    };

    private static AuthClientRedirectException Redirected(HttpRequestMessage request, HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var host = location is { IsAbsoluteUri: true } ? location.Host : null;
        var where = host is null ? "no absolute Location" : $"Location host {host}";
        return new AuthClientRedirectException(
            $"{ResponseBody.Describe(request)} answered {(int)response.StatusCode} {response.StatusCode} ({where}). Redirects are never followed, so nothing was sent there and the call was not retried; check the base URL.",
            response.StatusCode, host, CorrelationHeaders.ReadRequestRef(response), CorrelationHeaders.ReadIdempotencyRef(request));
    }

    // A primary handler supplied by the application may follow redirects itself; its answer is then from another host.
    private static bool SameOrigin(Uri? sent, Uri? answered) =>
        ReferenceEquals(sent, answered) || sent is null || answered is null
        || Uri.Compare(sent, answered, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
