using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Transmit;
using AuthClient.Weavr;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.Programmes;

/// <summary>The registration of named programmes beside the unnamed one: keyed resolution, start-up validation per name.</summary>
public sealed class NamedProgrammeRegistrationTests
{
    [Fact]
    public async Task UnnamedAndNamed_InOneContainer_EachCallsItsOwnServer()
    {
        using var unnamed = new ProgrammeServer("default");
        using var named = new ProgrammeServer("b");
        var services = new ServiceCollection();
        services.AddAuthClient(o => NamedProgrammeIsolationTests.Configure(o, unnamed));
        services.AddAuthClient("programme-b", o => NamedProgrammeIsolationTests.Configure(o, named));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await provider.GetRequiredService<IWeavrAuthClient>().LoginWithPasswordAsync("ada@example.com", "Secr3t!pass");
        await provider.GetRequiredKeyedService<IWeavrAuthClient>("programme-b").LoginWithPasswordAsync("ada@example.com", "Secr3t!pass");

        Assert.Equal(unnamed.ApiKey, ProgrammeServer.Header(Assert.Single(unnamed.Requests), "api-key"));
        Assert.Equal(named.ApiKey, ProgrammeServer.Header(Assert.Single(named.Requests), "api-key"));
        Assert.Equal(unnamed.ApiKey, provider.GetRequiredService<IOptions<AuthClientOptions>>().Value.Weavr.ApiKey.Reveal());
        Assert.Equal(named.ApiKey, provider.GetRequiredService<IOptionsMonitor<AuthClientOptions>>().Get("programme-b").Weavr.ApiKey.Reveal());
    }

    [Fact]
    public void KeyedResolution_EveryServiceOfAProgramme_IsItsOwn()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOtpCodeProvider>(new NoCodes());
        services.AddAuthClient(o => o.Weavr.ApiKey = "unnamed-key").AddSessions().AddWebhooks();
        services.AddAuthClient("programme-b", o => o.Weavr.ApiKey = "b-key").AddSessions().AddWebhooks();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        AssertOwn<IWeavrAuthClient>(provider);
        AssertOwn<IWeavrApi>(provider);
        AssertOwn<ITransmitBiometricsClient>(provider);
        AssertOwn<ITransmitClientTokenProvider>(provider);
        AssertOwn<IWeavrSessionRegistry>(provider);
        AssertOwn<IWeavrSessionStore>(provider);
        AssertOwn<PendingChallengeRegistry>(provider);
        AssertOwn<WeavrWebhookReceiver>(provider);
        AssertOwn<IWebhookReplayGuard>(provider);

        // Each programme's sinks (its challenges, and the end of a deactivated user's sessions) are fed by its own receiver only.
        AssertOwnSinks(provider.GetServices<IWeavrWebhookEventSink>().ToList(), provider.GetRequiredService<PendingChallengeRegistry>());
        AssertOwnSinks(provider.GetKeyedServices<IWeavrWebhookEventSink>("programme-b").ToList(), provider.GetRequiredKeyedService<PendingChallengeRegistry>("programme-b"));
        Assert.Equal("b-key", provider.GetRequiredService<IOptionsMonitor<WeavrWebhookOptions>>().Get("programme-b").SigningKey!.Reveal());
        Assert.Equal("unnamed-key", provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value.SigningKey!.Reveal());
    }

    [Fact]
    public void FromKeyedServices_InAConstructor_GetsTheProgrammesClient()
    {
        var services = new ServiceCollection();
        services.AddAuthClient("programme-b", o => o.Weavr.ApiKey = "b-key").AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        services.AddSingleton<ProgrammeBConsumer>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var consumer = provider.GetRequiredService<ProgrammeBConsumer>();

        Assert.Same(provider.GetRequiredKeyedService<IWeavrSessionRegistry>("programme-b"), consumer.Sessions);
        Assert.IsType<WeavrAuthClient>(consumer.Weavr);
    }

    [Fact]
    public void OnlyNamedProgrammes_RegisterNoUnkeyedClient()
    {
        var services = new ServiceCollection();
        services.AddAuthClient("programme-b", o => o.Weavr.ApiKey = "b-key").AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        using var provider = services.BuildServiceProvider();

        // Nothing may silently fall back to another programme's client or sessions.
        Assert.Null(provider.GetService<IWeavrAuthClient>());
        Assert.Null(provider.GetService<IWeavrSessionRegistry>());
        Assert.Null(provider.GetKeyedService<IWeavrAuthClient>("programme-c"));
    }

    [Fact]
    public async Task HostStart_InvalidNamedProgramme_FailsListingEveryProblemUnderItsName()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(o => o.Weavr.ApiKey = "valid-unnamed");
        builder.Services.AddAuthClient("programme-b", o =>
        {
            o.Weavr.BaseUrl = new Uri("http://example.com/multi");
            o.Resilience.MaxRetryAttempts = 11;
        }).AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("programme-b", ex.OptionsName);
        Assert.Contains(ex.Failures, f => f.StartsWith("Weavr.BaseUrl must use https", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Weavr.ApiKey is required for programme 'programme-b'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Resilience.MaxRetryAttempts must be between 0 and 10", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddAuthClient_BlankName_Throws(string name) =>
        Assert.Throws<ArgumentException>("name", () => new ServiceCollection().AddAuthClient(name, _ => { }));

    [Fact]
    public void AddAuthClient_SameNameTwice_AddsConfigurationToOnePipeline()
    {
        var services = new ServiceCollection();
        var first = services.AddAuthClient("programme-b", o => o.Weavr.ApiKey = "first");
        var second = services.AddAuthClient("programme-b", o => o.Weavr.ApiKey = "second");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("programme-b", first.Name);
        Assert.Equal("programme-b", second.Name);
        Assert.Single(services, d => d.IsKeyedService && Equals(d.ServiceKey, "programme-b") && d.ServiceType == typeof(IWeavrAuthClient));
        Assert.Equal("second", provider.GetRequiredService<IOptionsMonitor<AuthClientOptions>>().Get("programme-b").Weavr.ApiKey.Reveal());
    }

    private static void AssertOwnSinks(List<IWeavrWebhookEventSink> sinks, PendingChallengeRegistry challenges)
    {
        Assert.Equal(2, sinks.Count);
        Assert.Contains(challenges, sinks);
        Assert.Single(sinks, s => s.GetType().Name == "UserDeactivationSink");
    }

    private static void AssertOwn<T>(IServiceProvider provider)
        where T : class
    {
        var unnamed = provider.GetRequiredService<T>();
        var named = provider.GetRequiredKeyedService<T>("programme-b");
        Assert.NotSame(unnamed, named);
    }

    private sealed class ProgrammeBConsumer(
        [FromKeyedServices("programme-b")] IWeavrAuthClient weavr,
        [FromKeyedServices("programme-b")] IWeavrSessionRegistry sessions)
    {
        public IWeavrAuthClient Weavr { get; } = weavr;

        public IWeavrSessionRegistry Sessions { get; } = sessions;
    }

    private sealed class NoCodes : IOtpCodeProvider
    {
        public ValueTask<AuthClient.Primitives.Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult<AuthClient.Primitives.Secret?>(null);
    }
}
