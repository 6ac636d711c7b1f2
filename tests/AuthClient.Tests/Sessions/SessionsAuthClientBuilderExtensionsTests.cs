using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.Sessions;

public sealed class SessionsAuthClientBuilderExtensionsTests
{
    [Fact]
    public void AddSessions_CalledTwice_RegistersTheChallengeSinkSharedWithTheRegistryAndTheDeactivationSink_OnceEach()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOtpCodeProvider, ScriptedOtpCodeProvider>();
        var builder = services.AddAuthClient(Configure);
        builder.AddSessions().AddSessions();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var sinks = provider.GetServices<IWeavrWebhookEventSink>().ToList();
        Assert.Equal(2, sinks.Count);
        Assert.Same(provider.GetRequiredService<PendingChallengeRegistry>(), sinks[0]);
        Assert.Equal("UserDeactivationSink", sinks[1].GetType().Name);
        Assert.Same(provider.GetRequiredService<IWeavrSessionRegistry>(), provider.GetRequiredService<IWeavrSessionRegistry>());
        Assert.IsType<InMemoryWeavrSessionStore>(provider.GetRequiredService<IWeavrSessionStore>());

        // Sessions resolve a client per call from the root provider: nothing disposable may be captured there.
        Assert.IsNotAssignableFrom<IDisposable>(provider.GetRequiredService<AuthClient.Weavr.IWeavrAuthClient>());
        Assert.IsNotAssignableFrom<IDisposable>(provider.GetRequiredService<AuthClient.Weavr.IWeavrApi>());
    }

    [Fact]
    public void AddSessions_Defaults_MatchTheDocumentedValues()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOtpCodeProvider, ScriptedOtpCodeProvider>();
        services.AddAuthClient(Configure).AddSessions();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WeavrSessionOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.PushTimeout);
        Assert.Equal(TimeSpan.FromMinutes(30), options.LockDuration);
        Assert.Equal(StepUpMethod.Otp, options.StepUpMethod);
        Assert.Equal(ScaChannel.Sms, options.OtpChannel);
        Assert.Equal(ScaChannel.Authy, options.PushChannel);
        Assert.Equal(3, options.MaxOtpAttempts);
    }

    [Fact]
    public async Task HostStart_OtpStepUpWithoutCodeProvider_FailsAtStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(Configure).AddSessions(o => o.StepUpMethod = StepUpMethod.Otp);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains(nameof(IOtpCodeProvider), StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostStart_OtpStepUpWithCodeProvider_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IOtpCodeProvider, ScriptedOtpCodeProvider>();
        builder.Services.AddAuthClient(Configure).AddSessions(o => o.StepUpMethod = StepUpMethod.Otp);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task HostStart_PushStepUpWithoutCodeProvider_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(Configure).AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void AddSessions_OwnStoreRegisteredFirst_IsKept()
    {
        var store = new InMemoryWeavrSessionStore();
        var services = new ServiceCollection();
        services.AddSingleton<IWeavrSessionStore>(store);
        services.AddAuthClient(Configure).AddSessions();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IWeavrSessionStore>());
    }

    [Fact]
    public void AddSessions_InvalidOptions_ListsEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(Configure).AddSessions(o =>
        {
            o.IdleTimeout = TimeSpan.Zero;
            o.PushChannel = ScaChannel.Sms;
            o.OtpChannel = ScaChannel.Authy;
            o.MaxOtpAttempts = 0;
            o.StepUpMethod = (StepUpMethod)42;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeavrSessionOptions>>().Value);

        Assert.Equal(5, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("IdleTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("PushChannel", StringComparison.Ordinal));
    }

    private static void Configure(AuthClientOptions o)
    {
        o.Weavr.BaseUrl = new Uri("http://127.0.0.1:1/multi");
        o.Weavr.ApiKey = "key";
    }
}
