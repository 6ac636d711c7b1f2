using AuthClient.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AuthClient.Http.Internal;

/// <summary>
/// Bounds one attempt (sending, the response headers and, through <see cref="ResponseGuardHandler"/> inside it, the
/// body) by <see cref="Resilience.AuthClientResilienceOptions.AttemptTimeout"/>. When it fires, the attempt fails with
/// Polly's <see cref="TimeoutRejectedException"/>, which the call stage's retry rule and the error mapping already
/// handle; the caller's token (and the total timeout) still win. A plain timer-driven token rather than a second Polly
/// pipeline: the same rule for a fraction of the per-attempt objects.
/// </summary>
internal sealed class AttemptTimeoutHandler(IOptionsMonitor<AuthClientOptions> options, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = options.CurrentValue.Resilience.AttemptTimeout;
        using var attempt = new CancellationTokenSource(timeout, timeProvider);
        using var link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), attempt);
        try
        {
            return await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The attempt did not complete within {timeout.TotalSeconds:0.###} s (Resilience.AttemptTimeout).", timeout, ex);
        }
    }
}
