using System.Net;
using System.Text;
using AuthClient.AspNetCore;
using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyApp;

/// <summary>
/// docs/programmes.md run for real: an ASP.NET Core app on 127.0.0.1 serving the unnamed programme and programme B,
/// each against its own emulator (its own api key), each emulator delivering signed webhooks to its programme's endpoint.
/// </summary>
public sealed class ProgrammeWebhookEndpointsTests : IAsyncLifetime
{
    private const string UnnamedKey = "api-key-unnamed-SECRET";
    private const string KeyB = "api-key-b-SECRET";

    private WeavrSandbox _unnamed = null!;
    private WeavrSandbox _b = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _unnamed = await WeavrSandbox.StartAsync(s => s.WithApiKey(UnnamedKey).WithDemoUsers().WithAutoApprovePush());
        _b = await WeavrSandbox.StartAsync(s => s.WithApiKey(KeyB).WithDemoUsers().WithAutoApprovePush());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuthClient:Weavr:BaseUrl"] = _unnamed.WeavrBaseUrl,
            ["AuthClient:Weavr:ApiKey"] = UnnamedKey,
            ["AuthClient:Sessions:StepUpMethod"] = "Push",
            ["AuthClient:Programmes:programme-b:Weavr:BaseUrl"] = _b.WeavrBaseUrl,
            ["AuthClient:Programmes:programme-b:Weavr:ApiKey"] = KeyB,
            ["AuthClient:Programmes:programme-b:Sessions:StepUpMethod"] = "Push",
            ["AuthClient:Programmes:programme-b:Sessions:PushChannel"] = "BIOMETRIC",
        });
        ProgrammesSnippet.Register(builder);
        builder.Services.AddSingleton<ProgrammeBSignIn>();
        _app = builder.Build();
        ProgrammesSnippet.Map(_app);
        await _app.StartAsync();
        var url = _app.Urls.Single();
        _unnamed.WebhookUrl = new Uri(url + "/webhooks/weavr");
        _b.WebhookUrl = new Uri(url + "/webhooks/weavr/programme-b");
        _http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _unnamed.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task BiometricSignIn_OfProgrammeB_CompletesThroughItsOwnEndpointAndEmulatorOnly()
    {
        var sessions = _app.Services.GetRequiredKeyedService<IWeavrSessionRegistry>("programme-b");

        var result = await sessions.SignInWithBiometricsAsync("user-1", SandboxDemo.BiometricUser);

        Assert.True(result.Succeeded, $"{result.Outcome} {result.ErrorCode}");
        var delivery = Assert.Single(_b.WebhookDeliveries);
        Assert.Equal(204, delivery.StatusCode);
        Assert.EndsWith("/webhooks/weavr/programme-b/stepup/watch", delivery.Url!.AbsolutePath, StringComparison.Ordinal);
        Assert.IsType<StepUpEvent>(Assert.Single(Audit().Events));
        Assert.Empty(_unnamed.RequestLog);
        Assert.All(_b.RequestLog, e => Assert.Equal(KeyB, e.Headers["api-key"]));
        Assert.Null(await _app.Services.GetRequiredService<IWeavrSessionRegistry>().FindAsync("user-1"));
    }

    [Fact]
    public async Task DeliverySignedWithTheOtherProgrammesKey_IsRejectedOnEachEndpoint()
    {
        var body = StepUpBody("challenge-1");

        using var unnamedKeyOnB = await PostAsync("/webhooks/weavr/programme-b/stepup/watch", body, UnnamedKey, "cr-1");
        using var keyBOnUnnamed = await PostAsync("/webhooks/weavr/stepup/watch", body, KeyB, "cr-2");
        Assert.Empty(Audit().Events);
        using var keyBOnB = await PostAsync("/webhooks/weavr/programme-b/stepup/watch", body, KeyB, "cr-3");

        Assert.Equal(HttpStatusCode.Unauthorized, unnamedKeyOnB.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyBOnUnnamed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, keyBOnB.StatusCode);
        Assert.Equal("challenge-1", Assert.IsType<StepUpEvent>(Assert.Single(Audit().Events)).ChallengeId);
    }

    [Fact]
    public async Task KeyedConsumer_SignsInToProgrammeB_WithBsKeyAndTokensOnly()
    {
        var signIn = _app.Services.GetRequiredService<ProgrammeBSignIn>();

        var session = await signIn.SignInAsync("user-2", SandboxDemo.SmsUser, SandboxDemo.Password, CancellationToken.None);
        var policy = await signIn.CheckPasswordAsync("Tr1cky-New-Passw0rd!", CancellationToken.None);

        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.NotNull(policy.RequestRef);
        Assert.Empty(_unnamed.RequestLog);
        Assert.NotEmpty(_b.RequestLog);
        Assert.All(_b.RequestLog, e => Assert.Equal(KeyB, e.Headers["api-key"]));
        Assert.DoesNotContain(_b.RequestLog, e => e.Headers.Values.Any(v => v.Contains(UnnamedKey, StringComparison.Ordinal)));
    }

    [Fact]
    public void MapWeavrProgrammeWebhooks_WithoutAddWebhooksForThatProgramme_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => _app.MapWeavrProgrammeWebhooks("programme-c", "/webhooks/c"));

        Assert.Contains("AddAuthClient(\"programme-c\", ...).AddWebhooks()", ex.Message, StringComparison.Ordinal);
    }

    private ProgrammeBAudit Audit() =>
        _app.Services.GetKeyedServices<IWeavrWebhookEventSink>("programme-b").OfType<ProgrammeBAudit>().Single();

    private static byte[] StepUpBody(string challengeId) => Encoding.UTF8.GetBytes(
        $$"""{"credential":{"type":"ROOT","id":"1"},"identity":{"type":"CONSUMER","id":"2"},"challengeId":"{{challengeId}}","type":"BIOMETRIC","status":"DECLINED","publishedTimestamp":"1"}""");

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string signingKey, string callRef)
    {
        var headers = WeavrWebhookSigner.CreateHeaders(signingKey, callRef, body, DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.CallRef, headers.CallRef);
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.PublishedTimestamp, headers.PublishedTimestamp);
        request.Headers.TryAddWithoutValidation(WeavrWebhookHeaderNames.SignatureV2, headers.SignatureV2);
        return await _http.SendAsync(request);
    }
}
