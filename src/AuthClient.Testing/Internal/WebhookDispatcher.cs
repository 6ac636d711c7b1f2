using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace AuthClient.Testing.Internal;

/// <summary>Signs and POSTs webhooks to the configured URL (one attempt each) and keeps a record of every delivery.</summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(30), // A hang guard for a stuck receiver, in real time.
    };

    private readonly List<SandboxWebhookDelivery> _deliveries = [];
    private readonly string _apiKey;

    public WebhookDispatcher(string apiKey, Uri? webhookUrl)
    {
        _apiKey = apiKey;
        WebhookUrl = webhookUrl;
    }

    public Uri? WebhookUrl { get; set; }

    public IReadOnlyList<SandboxWebhookDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    public async Task<SandboxWebhookDelivery> DeliverAsync(string path, byte[] body, long publishedTimestamp, CancellationToken cancellationToken)
    {
        var callRef = Guid.NewGuid().ToString("N");
        var timestamp = publishedTimestamp.ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSigner.SignatureV2(_apiKey, callRef, body, timestamp);
        var url = WebhookUrl is null ? null : new Uri(WebhookUrl.AbsoluteUri.TrimEnd('/') + path);
        var delivery = new SandboxWebhookDelivery
        {
            Path = path,
            Url = url,
            CallRef = callRef,
            PublishedTimestamp = timestamp,
            SignatureV2 = signature,
            Body = Encoding.UTF8.GetString(body),
        };

        if (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.TryAddWithoutValidation("call-ref", callRef);
            request.Headers.TryAddWithoutValidation("published-timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("signature-v2", signature);
            request.Headers.TryAddWithoutValidation("signature", WebhookSigner.LegacySignature(_apiKey, timestamp));
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                delivery = delivery with { StatusCode = (int)response.StatusCode };
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                delivery = delivery with { Error = ex.Message };
            }
        }

        lock (_deliveries)
        {
            _deliveries.Add(delivery);
        }

        return delivery;
    }

    public void Dispose() => _http.Dispose();
}
