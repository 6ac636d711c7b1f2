using AuthClient.Errors.Internal;
using AuthClient.Http.Internal;
using AuthClient.Telemetry.Internal;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// The outermost Transmit handler: prepares the call once (<see cref="OutboundRequest"/>) and turns a failure without an
/// HTTP answer into an AuthClient transport or timeout exception. Refit applies its transport-exception factory only to calls that return a body, so without this the
/// body-less <c>register</c> and <c>delete</c> would leak a raw <see cref="HttpRequestException"/>. It sits outside the
/// retry loop, so retries still classify the original exception. Being once per call, it also writes the call's span
/// and duration.
/// </summary>
internal sealed class TransmitTransportErrorHandler(TimeProvider timeProvider, AuthClientMetrics? metrics = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (operation, template) = TransmitEndpoints.Operation(request);
        using var telemetry = CallTelemetry.Start(metrics, "transmit", operation, request.Method, template);
        try
        {
            await OutboundRequest.PrepareAsync(request, timeProvider, cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            telemetry.Answered((int)response.StatusCode, null, OutboundRequest.Attempts(request));
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var mapped = TransportErrorMapper.Map("Transmit", request, ex, cancellationToken);
            telemetry.Failed(mapped, OutboundRequest.Attempts(request));
            if (ReferenceEquals(mapped, ex))
            {
                throw;
            }

            throw mapped;
        }
    }
}
