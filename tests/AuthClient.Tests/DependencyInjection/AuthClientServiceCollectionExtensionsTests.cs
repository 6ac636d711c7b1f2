using AuthClient.DependencyInjection;
using AuthClient.Http;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.DependencyInjection;

public sealed class AuthClientServiceCollectionExtensionsTests : IDisposable
{
    private const string IdentitiesBody = """{"identities":[],"count":0,"responseCount":0}""";
    private readonly WireMockServer _server = Loopback.StartServer();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task AddAuthClient_Configuration_BindsEverySectionAndTheClientUsesIt()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuthClient:Weavr:BaseUrl"] = _server.MultiUrl().ToString(),
            ["AuthClient:Weavr:ApiKey"] = "key-from-config",
            ["AuthClient:Transmit:BaseUrl"] = "https://api.eu.transmitsecurity.io/cis",
            ["AuthClient:Transmit:ClientId"] = "client-id",
            ["AuthClient:Transmit:ClientSecret"] = "client-secret",
            ["AuthClient:Resilience:MaxRetryAttempts"] = "1",
            ["AuthClient:Resilience:BaseDelay"] = "00:00:00",
            ["AuthClient:Resilience:MaxDelay"] = "00:00:04",
            ["AuthClient:Resilience:UseJitter"] = "false",
            ["AuthClient:Resilience:MaxRetryAfter"] = "00:00:15",
            ["AuthClient:Resilience:AttemptTimeout"] = "00:00:05",
            ["AuthClient:Resilience:TotalTimeout"] = "00:00:20",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthClient(configuration.GetSection(AuthClientOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
        Assert.Equal(_server.MultiUrl(), options.Weavr.BaseUrl);
        Assert.Equal("key-from-config", options.Weavr.ApiKey);
        Assert.Equal(new Uri("https://api.eu.transmitsecurity.io/cis"), options.Transmit.BaseUrl);
        Assert.Equal("client-id", options.Transmit.ClientId);
        Assert.Equal("client-secret", options.Transmit.ClientSecret);
        Assert.Equal(1, options.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.Zero, options.Resilience.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(4), options.Resilience.MaxDelay);
        Assert.False(options.Resilience.UseJitter);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Resilience.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Resilience.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Resilience.TotalTimeout);

        await Assert.ThrowsAsync<AuthClient.Errors.WeavrServerException>(() =>
            provider.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t"))));
        Assert.Equal(2, _server.LogEntries.Count()); // MaxRetryAttempts = 1 from configuration.
        Assert.All(_server.LogEntries, e => Assert.Equal(["key-from-config"], e.RequestMessage!.Headers!["api-key"]));
    }

    [Theory]
    [InlineData("Sandbox", "https://sandbox.weavr.io/multi")]
    [InlineData("production", "https://api.weavr.io/multi")]
    [InlineData("Mock", "https://api.weavr.io/_mock/products/multi/openapi")]
    public void AddAuthClient_ConfiguredEnvironment_SetsTheHttpClientBaseAddress(string environment, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Weavr:Environment"] = environment,
            ["Weavr:ApiKey"] = "k",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthClient(configuration);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("AuthClient.Weavr");

        Assert.Equal(new Uri(expected), client.BaseAddress);
    }

    [Fact]
    public void AddAuthClient_BaseUrlAndEnvironment_BaseUrlWins()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            o.Weavr.Environment = WeavrEnvironment.Production;
            o.Weavr.BaseUrl = new Uri("http://127.0.0.1:5099/multi");
            o.Weavr.ApiKey = "k";
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(new Uri("http://127.0.0.1:5099/multi"), provider.GetRequiredService<IOptions<AuthClientOptions>>().Value.Weavr.BaseUrl);
    }

    [Fact]
    public void AddAuthClient_NothingConfigured_DefaultsToTheSandbox()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o => o.Weavr.ApiKey = "k");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
        Assert.Equal(WeavrEnvironment.Sandbox, options.Weavr.Environment);
        Assert.Equal(WeavrEnvironments.Sandbox, options.Weavr.BaseUrl);
    }

    [Fact]
    public async Task AddAuthClient_UserDelegatingHandler_RunsOnEveryAttempt()
    {
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS").UsingPost().WithHeader(AttemptCounter.Header, "1"))
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS").UsingPost().WithHeader(AttemptCounter.Header, "2"))
            .RespondWith(Response.Create().WithStatusCode(204));
        var counter = new AttemptCounter();
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
            {
                o.Weavr.BaseUrl = _server.MultiUrl();
                o.Weavr.ApiKey = "k";
                o.Resilience.BaseDelay = TimeSpan.Zero;
            })
            .WeavrHttpClient
            .AddHttpMessageHandler(() => new StampHandler("x-tenant", "acme"))
            .AddHttpMessageHandler(counter.CreateHandler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWeavrAuthClient>().StartOtpStepUpAsync(ScaChannel.Sms, WeavrCallOptions.WithToken(new Secret("t")));

        Assert.Equal(2, _server.LogEntries.Count());
        Assert.All(_server.LogEntries, e => Assert.Equal(["acme"], e.RequestMessage!.Headers!["x-tenant"]));
    }

    [Fact]
    public async Task AddAuthClient_RegisteredTokenSource_SuppliesTheBearerWhenTheCallHasNone()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(IdentitiesBody));
        var services = new ServiceCollection();
        services.AddSingleton<IWeavrTokenSource>(new FixedTokenSource("app-wide-token"));
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = _server.MultiUrl();
            o.Weavr.ApiKey = "k";
        });
        using var provider = services.BuildServiceProvider();
        var weavr = provider.GetRequiredService<IWeavrAuthClient>();

        await weavr.GetIdentitiesAsync();
        await weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("per-call-token")));

        var sent = _server.LogEntries.Select(e => Assert.Single(e.RequestMessage!.Headers!["Authorization"])).ToList();
        Assert.Equal(["Bearer app-wide-token", "Bearer per-call-token"], sent);
    }

    [Fact]
    public async Task AddAuthClient_CalledTwice_RegistersThePipelineOnceAndTheLaterSettingsWin()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = _server.MultiUrl();
            o.Weavr.ApiKey = "first";
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });
        services.AddAuthClient(o => o.Weavr.ApiKey = "second");
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<AuthClient.Errors.WeavrServerException>(() =>
            provider.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t"))));

        Assert.Equal(4, _server.LogEntries.Count()); // One retry loop (1 + 3), not two nested ones (16).
        Assert.All(_server.LogEntries, e => Assert.Equal(["second"], e.RequestMessage!.Headers!["api-key"]));
        Assert.Single(_server.LogEntries.First().RequestMessage!.Headers!["Authorization"]);
    }

    [Fact]
    public void AddAuthClient_NullArguments_Throw()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentNullException>("services", () => AuthClientServiceCollectionExtensions.AddAuthClient(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => services.AddAuthClient((Action<AuthClientOptions>)null!));
        Assert.Throws<ArgumentNullException>("configuration", () => services.AddAuthClient((IConfiguration)null!));
    }

    [Fact]
    public void AddAuthClient_ReturnsBuilderOverTheSameServices()
    {
        var services = new ServiceCollection();
        var builder = services.AddAuthClient(o => o.Weavr.ApiKey = "k");

        Assert.Same(services, builder.Services);
        Assert.Equal("AuthClient.Weavr", builder.WeavrHttpClient.Name);
    }

    private sealed class StampHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FixedTokenSource(string token) : IWeavrTokenSource
    {
        public ValueTask<Secret?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<Secret?>(new Secret(token));
    }
}
