using System.Net.Http.Headers;
using AuthClient.Errors;
using AuthClient.Http.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;

namespace AuthClient.Http;

/// <summary>
/// Adds <c>Authorization: Bearer</c> on secured Weavr operations, and strips it from the login operations and from the
/// api-key-only <c>/access_token</c> calls (client assertion, one-time token).
/// It runs inside the retry loop, so every attempt reads the current token, and outside the attempt timeout, so a slow
/// token source is bounded by the call's timeout without making the call look sent.
/// </summary>
internal sealed class WeavrBearerTokenHandler(IWeavrTokenSource tokenSource) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // WeavrCallHandler, outside the retry loop, attached the context and resolved the operation once.
        var context = WeavrCallContext.From(request);
        var endpoint = context is not null ? context.Endpoint : WeavrEndpoints.Find(request);
        request.Headers.Authorization = null;
        if (endpoint is { Bearer: true } && context is not { WithoutBearer: true })
        {
            if (context?.Token is not { } token)
            {
                return SendWithSourceTokenAsync(request, endpoint, cancellationToken);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        }

        // A token the caller passed needs no await: no state machine on the common path.
        return base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithSourceTokenAsync(HttpRequestMessage request, WeavrEndpoint endpoint, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(request, cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        }
        else if (!endpoint.BearerOptional)
        {
            throw new AuthClientException(
                $"Weavr {endpoint.OperationId} needs a bearer token: pass one in the call options or register an {nameof(IWeavrTokenSource)}. Nothing was sent.");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Primitives.Secret?> GetTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await tokenSource.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AuthClientTransportException ex) when (ex.OutcomeUnknown)
        {
            throw TokenAcquisition.NothingSent("Weavr", request, ex);
        }
    }
}
