using AuthClient.Errors.Internal;
using AuthClient.Http.Internal;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// The outermost Transmit handler: prepares the call once (<see cref="OutboundRequest"/>) and turns a failure without an
/// HTTP answer into an AuthClient transport or timeout exception. Refit applies its transport-exception factory only to calls that return a body, so without this the
/// body-less <c>register</c> and <c>delete</c> would leak a raw <see cref="HttpRequestException"/>. It sits outside the
/// retry loop, so retries still classify the original exception.
/// </summary>
internal sealed class TransmitTransportErrorHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            await OutboundRequest.PrepareAsync(request, timeProvider, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TransportErrorMapper.Map("Transmit", request, ex, cancellationToken) is var mapped && !ReferenceEquals(mapped, ex))
        {
            throw mapped;
        }
    }
}
