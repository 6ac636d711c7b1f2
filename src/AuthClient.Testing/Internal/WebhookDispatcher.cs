using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AuthClient.Webhooks;

namespace AuthClient.Testing.Internal;

/// <summary>Signs and POSTs webhooks to the configured target (one attempt each): a URL over a real socket, or the
/// caller's own <see cref="HttpClient"/> or <see cref="HttpMessageHandler"/> (an in-memory TestServer); keeps a record of
/// every delivery.</summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(30), // A hang guard for a stuck receiver, in real time.
    };

    private readonly List<SandboxWebhookDelivery> _deliveries = [];
    private readonly string _apiKey;

    private volatile WebhookTarget? _target;

    public WebhookDispatcher(string apiKey, WebhookTarget? target)
    {
        _apiKey = apiKey;
        _target = target;
    }

    /// <summary>Gets the base URL of the current target; setting it targets that URL over a real socket.</summary>
    public Uri? WebhookUrl
    {
        get => _target?.BaseUrl;
        set => _target = value is null ? null : WebhookTarget.ForUrl(value);
    }

    public WebhookTarget? Target
    {
        get => _target;
        set => _target = value;
    }

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

    /// <summary>Serializes and signs the event with the SDK's own <see cref="WeavrWebhookSerializer"/> and
    /// <see cref="WeavrWebhookSigner"/> (what the receiver verifies), then POSTs it once.</summary>
    public async Task<SandboxWebhookDelivery> DeliverAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var path = WeavrWebhookPaths.GetPath(WeavrWebhookSerializer.GetKind(webhookEvent));
        var body = WeavrWebhookSerializer.SerializeToUtf8Bytes(webhookEvent);
        var headers = WeavrWebhookSigner.CreateHeaders(_apiKey, webhookEvent.CallRef, body, webhookEvent.PublishedAt);
        var timestamp = headers.PublishedTimestamp!;
        var target = _target;
        var url = target?.UrlFor(path);
        var delivery = new SandboxWebhookDelivery
        {
            Path = path,
            Url = url,
            CallRef = webhookEvent.CallRef,
            PublishedTimestamp = timestamp,
            SignatureV2 = headers.SignatureV2!,
            Body = Encoding.UTF8.GetString(body),
            Event = ParseBack(webhookEvent, body),
        };

        if (target is not null && url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.CallRef, webhookEvent.CallRef);
            request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.PublishedTimestamp, timestamp);
            request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.SignatureV2, headers.SignatureV2);
            request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.Signature, LegacySignature(_apiKey, timestamp));
            try
            {
                using var response = await (target.Sender ?? _http).SendAsync(request, cancellationToken).ConfigureAwait(false);
                delivery = delivery with { StatusCode = (int)response.StatusCode };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Any failure of the one attempt is recorded, not thrown: an in-memory TestServer surfaces the app's own
                // exception here, where a socket would have given a 500.
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

    /// <summary>Reads the body back with the SDK's own parser, so the typed event is what a receiver would get.</summary>
    private static WeavrWebhookEvent ParseBack(WeavrWebhookEvent sent, byte[] body) =>
        WeavrWebhookSerializer.Deserialize(WeavrWebhookSerializer.GetKind(sent), sent.CallRef, sent.PublishedAt, body)
        ?? throw new InvalidOperationException($"The SDK's parser rejected the {WeavrWebhookSerializer.GetKind(sent)} webhook the sandbox wrote.");

    /// <summary>The deprecated v1 <c>signature</c> (HMAC over the timestamp only) that Weavr still sends; the SDK ignores
    /// it, so it has no signer there.</summary>
    internal static string LegacySignature(string apiKey, string publishedTimestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(publishedTimestamp)));
}
