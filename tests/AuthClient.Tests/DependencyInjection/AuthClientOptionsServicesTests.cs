using AuthClient.DependencyInjection;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.DependencyInjection;

/// <summary>
/// AuthClient registers <see cref="AuthClientOptions"/>' options services as closed types created by factories (for
/// Native AOT start-up): they must behave as the open generics <c>AddOptions</c> registers — configuration reloads
/// reach the next call, post-configuration and validation run, and an application's own registration wins.
/// </summary>
public sealed class AuthClientOptionsServicesTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();

    public AuthClientOptionsServicesTests() =>
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"identities":[],"count":0,"responseCount":0}"""));

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task ConfigurationReload_ReachesTheNextCallsApiKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Weavr:BaseUrl"] = _server.MultiUrl().ToString(),
            ["Weavr:ApiKey"] = "first-key",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthClient(configuration);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWeavrAuthClient>();

        await client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t")));
        configuration["Weavr:ApiKey"] = "rotated-key";
        configuration.Reload(); // the change token the options monitor listens to
        await client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t")));

        Assert.Equal(["first-key", "rotated-key"], _server.LogEntries.Select(e => e.RequestMessage!.Headers!["api-key"].Single()));
    }

    [Fact]
    public async Task PostConfigure_RunsAndItsResultIsValidated()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = _server.MultiUrl();
            o.Weavr.ApiKey = "configured-key";
        });
        services.PostConfigure<AuthClientOptions>(o => o.Weavr.ApiKey = "post-configured-key");
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t")));
        Assert.Equal(["post-configured-key"], _server.LogEntries.Single().RequestMessage!.Headers!["api-key"]);

        var invalid = new ServiceCollection();
        invalid.AddAuthClient(o => o.Weavr.ApiKey = "k");
        invalid.PostConfigure<AuthClientOptions>(o => o.Resilience.MaxRetryAttempts = -1);
        using var invalidProvider = invalid.BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => invalidProvider.GetRequiredService<IWeavrAuthClient>());
        Assert.Contains(failure.Failures, f => f.Contains("MaxRetryAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplicationsOwnOptionsMonitor_IsTheOneTheClientReads()
    {
        var services = new ServiceCollection();
        var own = new FixedOptionsMonitor(new AuthClientOptions { Weavr = { BaseUrl = _server.MultiUrl(), ApiKey = "monitor-key" } });
        services.AddSingleton<IOptionsMonitor<AuthClientOptions>>(own);
        services.AddAuthClient(o => o.Weavr.ApiKey = "ignored-key");
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t")));

        Assert.Same(own, provider.GetRequiredService<IOptionsMonitor<AuthClientOptions>>());
        Assert.Equal(["monitor-key"], _server.LogEntries.Single().RequestMessage!.Headers!["api-key"]);
    }

    private sealed class FixedOptionsMonitor(AuthClientOptions value) : IOptionsMonitor<AuthClientOptions>
    {
        public AuthClientOptions CurrentValue => value;

        public AuthClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AuthClientOptions, string?> listener) => null;
    }
}
