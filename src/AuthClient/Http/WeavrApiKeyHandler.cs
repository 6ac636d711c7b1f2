using AuthClient.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Http;

/// <summary>Adds the <c>api-key</c> header, which every Weavr operation requires.</summary>
internal sealed class WeavrApiKeyHandler(IOptionsMonitor<AuthClientOptions> options) : DelegatingHandler
{
    internal const string ApiKeyHeader = "api-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(ApiKeyHeader);
        request.Headers.TryAddWithoutValidation(ApiKeyHeader, options.CurrentValue.Weavr.ApiKey.Reveal());
        return base.SendAsync(request, cancellationToken);
    }
}
