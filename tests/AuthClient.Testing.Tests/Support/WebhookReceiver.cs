using System.Threading.Channels;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AuthClient.Testing.Tests.Support;

/// <summary>A tiny webhook target on 127.0.0.1 (a second WireMock server) that hands each POST to the test.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly WireMockServer _server;

    public WebhookReceiver()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], DisableJsonBodyParsing = true });
        _server.Given(Request.Create().WithPath("/hooks/*").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            var headers = (request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            _received.Writer.TryWrite(new ReceivedWebhook(request.Path["/hooks".Length..], headers, request.BodyAsBytes ?? []));
            return new ResponseMessage { StatusCode = 204 };
        }));
    }

    public Uri Url => new(_server.Url + "/hooks");

    /// <summary>Waits for the next webhook; the real-time timeout only guards against a hang.</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        return await _received.Reader.ReadAsync(guard.Token);
    }

    public bool TryTake(out ReceivedWebhook? webhook) => _received.Reader.TryRead(out webhook);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }
}
