using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Errors;
using Microsoft.Extensions.Options;

namespace AuthClient.Http;

/// <summary>Adds the <c>api-key</c> header, which every Weavr operation requires.</summary>
/// <param name="options">The options of every programme.</param>
/// <param name="programme">Whose api key this client sends; empty for the unnamed registration.</param>
internal sealed class WeavrApiKeyHandler(IOptionsMonitor<AuthClientOptions> options, string programme = "") : DelegatingHandler
{
    internal const string ApiKeyHeader = "api-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var weavr = options.Get(programme).Weavr;
        if (!weavr.HasApiKey)
        {
            // A Transmit-only app may start without a key; the raw IWeavrApi then fails here, before anything is sent.
            throw new AuthClientException(WeavrClientFactory.MissingApiKey(programme, "IWeavrApi") + " Nothing was sent.");
        }

        request.Headers.Remove(ApiKeyHeader);
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, weavr.ApiKey.Reveal());
        return base.SendAsync(request, cancellationToken);
    }
}
