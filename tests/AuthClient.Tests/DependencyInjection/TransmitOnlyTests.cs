using AuthClient.DependencyInjection;
using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Tests.Programmes;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.DependencyInjection;

/// <summary>An app that only uses Transmit starts without a Weavr api key; what needs Weavr fails, typed and early.</summary>
public sealed class TransmitOnlyTests : IDisposable
{
    private readonly ProgrammeServer _server = new("transmit-only");

    [Fact]
    public async Task TransmitOnly_StartsAndCallsTransmit()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(ConfigureTransmit);
        using var host = builder.Build();
        await host.StartAsync();

        var start = await host.Services.GetRequiredService<ITransmitBiometricsClient>().StartAsync(BiometricsStartRequest.ForUser("user-1"));

        Assert.Equal("challenge-transmit-only", start.Challenge);
        Assert.Equal(["/oidc/token", "/cis/v1/auth/mobile-biometrics/start"], _server.Requests.Select(e => e.RequestMessage!.Path));
        await host.StopAsync();
    }

    [Fact]
    public void TransmitOnly_ResolvingTheWeavrClient_FailsNamingTheMissingKey()
    {
        using var provider = Provider(services => services.AddAuthClient(ConfigureTransmit));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IWeavrAuthClient>());

        Assert.StartsWith("Weavr.ApiKey is required", Assert.Single(ex.Failures), StringComparison.Ordinal);
        Assert.Contains("IWeavrAuthClient", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransmitOnly_RawWeavrApi_FailsBeforeAnythingIsSent()
    {
        using var provider = Provider(services => services.AddAuthClient(o =>
        {
            ConfigureTransmit(o);
            o.Weavr.BaseUrl = _server.WeavrUrl;
        }));

        var ex = await Assert.ThrowsAsync<AuthClientException>(
            () => provider.GetRequiredService<IWeavrApi>().LoginWithPasswordAsync(new("ada@example.com", new(new("Secr3t!pass")))));

        Assert.Contains("Weavr.ApiKey is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task TransmitOnly_WithSessions_FailsAtStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(ConfigureTransmit).AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "Weavr.ApiKey is required (the api key of your Weavr API client): AddSessions() calls Weavr. Only an app that uses Transmit alone may leave it unset.",
            Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task TransmitOnly_WithWebhooksButNoSigningKey_FailsAtStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(ConfigureTransmit).AddWebhooks();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Webhooks.SigningKey is required", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransmitOnly_WithWebhooksAndASigningKey_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(ConfigureTransmit).AddWebhooks(o => o.SigningKey = "webhook-signing-key");
        using var host = builder.Build();

        await host.StartAsync();

        Assert.NotNull(host.Services.GetRequiredService<AuthClient.Webhooks.WeavrWebhookReceiver>());
        await host.StopAsync();
    }

    [Fact]
    public async Task NeitherWeavrKeyNorTransmit_StillFailsAtStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(_ => { });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Weavr.ApiKey is required", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();

    private static ServiceProvider Provider(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private void ConfigureTransmit(AuthClientOptions o)
    {
        o.Transmit.BaseUrl = _server.TransmitUrl;
        o.Transmit.ClientId = _server.ClientId;
        o.Transmit.ClientSecret = _server.ClientSecret;
        o.Resilience.MaxRetryAttempts = 0;
    }
}
