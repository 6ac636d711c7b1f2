using System.Net;
using System.Security.Cryptography;
using System.Text;
using AuthClient.DependencyInjection;
using AuthClient.Primitives;
using AuthClient.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.AspNetCore.Tests;

/// <summary>The endpoints over real HTTP: Kestrel on 127.0.0.1, an ephemeral port, HttpClient posting signed deliveries.</summary>
public sealed class WeavrWebhookEndpointRouteBuilderExtensionsTests : IAsyncLifetime
{
    private const string ApiKey = "aspnet-api-key-SECRET-91c2";
    private const string AuthToken = "AUTH-TOKEN-SECRET-over-http";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeLogCollector _logs = new();
    private readonly Sink _sink = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IWeavrWebhookEventSink>(_sink);
        builder.Services.AddAuthClient(o => o.Weavr.ApiKey = ApiKey).AddWebhooks(o => o.MaxBodyBytes = 4096);
        _app = builder.Build();
        _app.MapWeavrWebhooks("/webhooks/weavr");
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task MapWeavrWebhooks_SignedStepUp_Answers204AndSinkReceivesTheEvent()
    {
        var body = StepUpBody("303");

        using var response = await PostAsync("/webhooks/weavr/stepup/watch", body, Sign(ApiKey, "cr-http-1", body, Ms(Now)), "cr-http-1", Ms(Now));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var e = Assert.IsType<StepUpEvent>(Assert.Single(_sink.Events));
        Assert.Equal("303", e.ChallengeId);
        Assert.Equal("cr-http-1", e.CallRef);
        Assert.Equal(Now, e.PublishedAt);
        Assert.Equal(WebhookChallengeStatus.Verified, e.Status);
        Assert.Equal(new Secret(AuthToken), e.AuthToken);
    }

    [Fact]
    public async Task MapWeavrWebhooks_EveryWatchPath_IsMappedToItsKind()
    {
        var login = Encoding.UTF8.GetBytes("""{"credential":{"type":"ROOT","id":"1"},"type":"PASSWORD","status":"VERIFIED","publishedTimestamp":"1"}""");
        var enrolment = Encoding.UTF8.GetBytes("""{"credentialId":{"type":"ROOT","id":"1"},"type":"AUTHY","status":"ACTIVE","publishedTimestamp":"1"}""");

        using var r1 = await PostAsync("/webhooks/weavr/login/watch", login, Sign(ApiKey, "cr-l", login, Ms(Now)), "cr-l", Ms(Now));
        using var r2 = await PostAsync("/webhooks/weavr/authentication_factors/watch", enrolment, Sign(ApiKey, "cr-e", enrolment, Ms(Now)), "cr-e", Ms(Now));

        Assert.Equal(HttpStatusCode.NoContent, r1.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, r2.StatusCode);
        Assert.Collection(_sink.Events, e => Assert.IsType<LoginEvent>(e), e => Assert.IsType<EnrolmentEvent>(e));
    }

    [Fact]
    public async Task MapWeavrWebhooks_ForgedSignature_Answers401AndNoEvent()
    {
        var body = StepUpBody("404");

        using var response = await PostAsync("/webhooks/weavr/stepup/watch", body, Sign("attacker-key", "cr-forged", body, Ms(Now)), "cr-forged", Ms(Now));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_MissingSignatureOrStaleTimestamp_Answers401()
    {
        var body = StepUpBody("1");
        var stale = Ms(Now.AddMinutes(-6));

        using var unsigned = await PostAsync("/webhooks/weavr/stepup/watch", body, signature: null, "cr-a", Ms(Now));
        using var old = await PostAsync("/webhooks/weavr/stepup/watch", body, Sign(ApiKey, "cr-b", body, stale), "cr-b", stale);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Empty(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_Redelivery_Answers204WithoutDispatchingTwice()
    {
        var body = StepUpBody("5");
        var signature = Sign(ApiKey, "cr-dup", body, Ms(Now));

        using var first = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, "cr-dup", Ms(Now));
        using var second = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, "cr-dup", Ms(Now));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Single(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_SignedMalformedBody_Answers400()
    {
        var body = Encoding.UTF8.GetBytes("""{"status":"VERIFIED"}""");

        using var response = await PostAsync("/webhooks/weavr/stepup/watch", body, Sign(ApiKey, "cr-m", body, Ms(Now)), "cr-m", Ms(Now));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_SinkThrows_Answers500ThenRedeliveryAnswers204()
    {
        _sink.FailuresLeft = 1;
        var body = StepUpBody("6");
        var signature = Sign(ApiKey, "cr-500", body, Ms(Now));

        using var failed = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, "cr-500", Ms(Now));
        using var redelivered = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, "cr-500", Ms(Now));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, redelivered.StatusCode);
        Assert.Equal(2, _sink.Events.Count);
    }

    [Fact]
    public async Task MapWeavrWebhooks_BodyOverLimitWithoutContentLength_Answers413()
    {
        var body = new byte[64 * 1024];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/weavr/login/watch")
        {
            Content = new StreamContent(new ChunkedOnlyStream(body)),
        };
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.SignatureV2, Sign(ApiKey, null, body, Ms(Now)));
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.PublishedTimestamp, Ms(Now));

        using var response = await _http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_MaxBodyBytesIntMaxValue_ReadsTheWholeBodyAndAnswers204()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IWeavrWebhookEventSink>(_sink);
        builder.Services.AddAuthClient(o => o.Weavr.ApiKey = ApiKey).AddWebhooks(o => o.MaxBodyBytes = int.MaxValue);
        await using var app = builder.Build();
        app.MapWeavrWebhooks("/webhooks/weavr");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var body = StepUpBody("max");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/weavr/stepup/watch") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.SignatureV2, Sign(ApiKey, "cr-max", body, Ms(Now)));
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.CallRef, "cr-max");
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.PublishedTimestamp, Ms(Now));

        using var response = await http.SendAsync(request);
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("max", Assert.IsType<StepUpEvent>(Assert.Single(_sink.Events)).ChallengeId);
    }

    [Fact]
    public async Task MapWeavrWebhooks_SignedDeliveryWithoutCallRefReplayed_IsDispatchedOnce()
    {
        var body = StepUpBody("404");
        var signature = Sign(ApiKey, null, body, Ms(Now));

        using var first = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, null, Ms(Now));
        _time.Advance(TimeSpan.FromMinutes(1));
        using var replay = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, null, Ms(Now));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        Assert.Equal("404", Assert.IsType<StepUpEvent>(Assert.Single(_sink.Events)).ChallengeId);
    }

    [Fact]
    public async Task MapWeavrWebhooks_CallRefLongerThan255_Answers400AndDispatchesNothing()
    {
        var body = StepUpBody("405");
        var callRef = new string('r', 256);

        using var response = await PostAsync("/webhooks/weavr/stepup/watch", body, Sign(ApiKey, callRef, body, Ms(Now)), callRef, Ms(Now));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_AnonymousFlood_LogsAtMostOneWarningPerReason()
    {
        var body = StepUpBody("406");

        for (var i = 0; i < 50; i++)
        {
            using var forged = await PostAsync("/webhooks/weavr/stepup/watch", body, "AAAA", "cr-flood", Ms(Now));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        Assert.Single(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Empty(_sink.Events);
    }

    [Fact]
    public async Task MapWeavrWebhooks_GetOrOtherPath_IsNotMapped()
    {
        using var get = await _http.GetAsync(new Uri("/webhooks/weavr/stepup/watch", UriKind.Relative));
        using var other = await _http.PostAsync(new Uri("/webhooks/weavr/cards/watch", UriKind.Relative), new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task MapWeavrWebhooks_AnyDelivery_LogsNeitherKeyNorSignatureNorAuthToken()
    {
        var body = StepUpBody("7");
        var signature = Sign(ApiKey, "cr-log", body, Ms(Now));
        _sink.FailuresLeft = 1;

        using var failed = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, "cr-log", Ms(Now));
        using var ok = await PostAsync("/webhooks/weavr/stepup/watch", body, signature, "cr-log", Ms(Now));
        using var forged = await PostAsync("/webhooks/weavr/stepup/watch", body, Sign("x", "cr-log2", body, Ms(Now)), "cr-log2", Ms(Now));

        var text = string.Join("\n", _logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception}"));
        Assert.Contains("cr-log", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthToken, text, StringComparison.Ordinal);
    }

    [Fact]
    public void MapWeavrWebhooks_WithoutAddWebhooks_ThrowsInvalidOperationException()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthClient(o => o.Weavr.ApiKey = ApiKey);
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapWeavrWebhooks());

        Assert.Contains("AddWebhooks", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] StepUpBody(string challengeId) => Encoding.UTF8.GetBytes(
        $$"""{"credential":{"type":"ROOT","id":"1"},"identity":{"type":"CONSUMER","id":"2"},"challengeId":"{{challengeId}}","type":"BIOMETRIC","status":"VERIFIED","publishedTimestamp":"1772366400000","authToken":"{{AuthToken}}"}""");

    private static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Computed here, independently of the SDK.
    private static string Sign(string key, string? callRef, byte[] body, string timestamp)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        return Convert.ToBase64String(hmac.ComputeHash([.. Encoding.UTF8.GetBytes(callRef ?? string.Empty), .. body, .. Encoding.UTF8.GetBytes(timestamp)]));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? signature, string? callRef, string timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.SignatureV2, signature);
        }

        if (callRef is not null)
        {
            request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.CallRef, callRef);
        }

        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.PublishedTimestamp, timestamp);
        return await _http.SendAsync(request);
    }

    private sealed class Sink : IWeavrWebhookEventSink
    {
        private readonly object _gate = new(); // Not System.Threading.Lock: the suites also run on net8.0.
        private readonly List<WeavrWebhookEvent> _events = [];

        public int FailuresLeft { get; set; }

        public IReadOnlyList<WeavrWebhookEvent> Events
        {
            get
            {
                lock (_gate)
                {
                    return [.. _events];
                }
            }
        }

        public ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _events.Add(webhookEvent);
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new InvalidOperationException("sink failure for " + webhookEvent);
                }
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A non-seekable stream, so HttpClient sends it chunked without Content-Length.</summary>
    private sealed class ChunkedOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
