using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.DependencyInjection;

/// <summary>
/// <c>AddAuthClient(configuration).AddWebhooks().AddSessions()</c> binds the <c>Webhooks</c> and <c>Sessions</c> children
/// of the section, for the unnamed registration and for a named programme, and start-up lists every bad value.
/// </summary>
public sealed class WebhooksAndSessionsBindingTests
{
    [Fact]
    public void Webhooks_FromTheAuthClientSection_ReachTheOptions()
    {
        using var provider = Build(new()
        {
            ["AuthClient:Weavr:ApiKey"] = "api-key-from-config",
            ["AuthClient:Webhooks:SigningKey"] = "oldest-client-key",
            ["AuthClient:Webhooks:TimestampTolerance"] = "00:02:00",
            ["AuthClient:Webhooks:ReplayWindow"] = "00:30:00",
            ["AuthClient:Webhooks:ReplayCacheCapacity"] = "500",
            ["AuthClient:Webhooks:MaxBodyBytes"] = "2048",
            ["AuthClient:Webhooks:RequireCallRef"] = "true",
            ["AuthClient:Sessions:StepUpMethod"] = "Push",
        });

        var webhooks = provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value;

        Assert.Equal("oldest-client-key", webhooks.SigningKey!.Reveal());
        Assert.Equal(TimeSpan.FromMinutes(2), webhooks.TimestampTolerance);
        Assert.Equal(TimeSpan.FromMinutes(30), webhooks.ReplayWindow);
        Assert.Equal(500, webhooks.ReplayCacheCapacity);
        Assert.Equal(2048, webhooks.MaxBodyBytes);
        Assert.True(webhooks.RequireCallRef);
        Assert.Equal(2048, provider.GetRequiredService<WeavrWebhookReceiver>().MaxBodyBytes);
    }

    [Fact]
    public void Sessions_FromTheAuthClientSection_ReachTheOptions()
    {
        using var provider = Build(new()
        {
            ["AuthClient:Weavr:ApiKey"] = "api-key-from-config",
            ["AuthClient:Sessions:IdleTimeout"] = "00:03:00",
            ["AuthClient:Sessions:StepUpMethod"] = "Push",
            ["AuthClient:Sessions:PushChannel"] = "biometric",
            ["AuthClient:Sessions:PushTimeout"] = "00:01:30",
            ["AuthClient:Sessions:EnrolmentTimeout"] = "00:04:00",
            ["AuthClient:Sessions:LockDuration"] = "00:20:00",
            ["AuthClient:Sessions:MaxOtpAttempts"] = "5",
            ["AuthClient:Sessions:EarlyEventRetention"] = "00:00:45",
            ["AuthClient:Sessions:PersistTimeout"] = "00:00:03",
        });

        var sessions = provider.GetRequiredService<IOptions<WeavrSessionOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(3), sessions.IdleTimeout);
        Assert.Equal(StepUpMethod.Push, sessions.StepUpMethod);
        Assert.Equal(ScaChannel.Biometric, sessions.PushChannel);
        Assert.Equal(ScaChannel.Sms, sessions.OtpChannel);
        Assert.Equal(TimeSpan.FromSeconds(90), sessions.PushTimeout);
        Assert.Equal(TimeSpan.FromMinutes(4), sessions.EnrolmentTimeout);
        Assert.Equal(TimeSpan.FromMinutes(20), sessions.LockDuration);
        Assert.Equal(5, sessions.MaxOtpAttempts);
        Assert.Equal(TimeSpan.FromSeconds(45), sessions.EarlyEventRetention);
        Assert.Equal(TimeSpan.FromSeconds(3), sessions.PersistTimeout);
        Assert.NotNull(provider.GetRequiredService<IWeavrSessionRegistry>());
    }

    [Fact]
    public void CodeConfiguration_RunsAfterTheSection()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(Configuration(new()
            {
                ["AuthClient:Weavr:ApiKey"] = "k",
                ["AuthClient:Webhooks:MaxBodyBytes"] = "2048",
                ["AuthClient:Sessions:StepUpMethod"] = "Push",
                ["AuthClient:Sessions:MaxOtpAttempts"] = "5",
            }).GetSection("AuthClient"))
            .AddWebhooks(o => o.MaxBodyBytes = 1024)
            .AddSessions(o => o.MaxOtpAttempts = 2);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(1024, provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value.MaxBodyBytes);
        var sessions = provider.GetRequiredService<IOptions<WeavrSessionOptions>>().Value;
        Assert.Equal(2, sessions.MaxOtpAttempts);
        Assert.Equal(StepUpMethod.Push, sessions.StepUpMethod);
    }

    [Fact]
    public void DocsSnippet_BindsEverySectionAndCodeWinsOverConfiguration()
    {
        var services = new ServiceCollection();
        MyApp.ConfigurationBindingSnippet.Register(services, Configuration(new()
        {
            ["AuthClient:Weavr:Environment"] = "Production",
            ["AuthClient:Weavr:ApiKey"] = "api-key-from-config",
            ["AuthClient:Resilience:MaxRetryAttempts"] = "1",
            ["AuthClient:Webhooks:TimestampTolerance"] = "00:01:00",
            ["AuthClient:Sessions:StepUpMethod"] = "Otp",
            ["AuthClient:Sessions:IdleTimeout"] = "00:04:00",
        }));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
        Assert.Equal(new Uri("https://api.weavr.io/multi"), client.Weavr.BaseUrl);
        Assert.Equal(1, client.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMinutes(1), provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value.TimestampTolerance);
        var sessions = provider.GetRequiredService<IOptions<WeavrSessionOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(4), sessions.IdleTimeout);
        Assert.Equal(StepUpMethod.Push, sessions.StepUpMethod);
    }

    [Fact]
    public void NamedProgramme_BindsItsOwnSection()
    {
        var configuration = Configuration(new()
        {
            ["AuthClient:Weavr:ApiKey"] = "unnamed-key",
            ["AuthClient:Programmes:programme-b:Weavr:ApiKey"] = "b-key",
            ["AuthClient:Programmes:programme-b:Weavr:Environment"] = "Production",
            ["AuthClient:Programmes:programme-b:Resilience:MaxRetryAttempts"] = "1",
            ["AuthClient:Programmes:programme-b:Webhooks:MaxBodyBytes"] = "4096",
            ["AuthClient:Programmes:programme-b:Sessions:StepUpMethod"] = "Push",
            ["AuthClient:Programmes:programme-b:Sessions:IdleTimeout"] = "00:02:00",
        });
        var services = new ServiceCollection();
        services.AddAuthClient(configuration.GetSection("AuthClient")).AddWebhooks().AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        services.AddAuthClient("programme-b", configuration.GetSection("AuthClient:Programmes:programme-b")).AddWebhooks().AddSessions();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var b = provider.GetRequiredService<IOptionsMonitor<AuthClientOptions>>().Get("programme-b");
        Assert.Equal("b-key", b.Weavr.ApiKey.Reveal());
        Assert.Equal(new Uri("https://api.weavr.io/multi"), b.Weavr.BaseUrl);
        Assert.Equal(1, b.Resilience.MaxRetryAttempts);
        Assert.Equal(4096, provider.GetRequiredService<IOptionsMonitor<WeavrWebhookOptions>>().Get("programme-b").MaxBodyBytes);
        Assert.Equal("b-key", provider.GetRequiredService<IOptionsMonitor<WeavrWebhookOptions>>().Get("programme-b").SigningKey!.Reveal());
        Assert.Equal(TimeSpan.FromMinutes(2), provider.GetRequiredService<IOptionsMonitor<WeavrSessionOptions>>().Get("programme-b").IdleTimeout);
        Assert.Equal(WeavrWebhookDefaults.MaxBodyBytes, provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value.MaxBodyBytes);
        Assert.Equal("unnamed-key", provider.GetRequiredService<IOptions<AuthClientOptions>>().Value.Weavr.ApiKey.Reveal());
    }

    [Fact]
    public async Task HostStart_BadWebhooksAndSessionsValues_ListsEveryFailure()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(Configuration(new()
            {
                ["AuthClient:Weavr:ApiKey"] = "k",
                ["AuthClient:Webhooks:TimestampTolerance"] = "00:00:00",
                ["AuthClient:Webhooks:MaxBodyBytes"] = "0",
                ["AuthClient:Sessions:StepUpMethod"] = "Push",
                ["AuthClient:Sessions:IdleTimeout"] = "00:00:00",
                ["AuthClient:Sessions:MaxOtpAttempts"] = "0",
                ["AuthClient:Sessions:PushChannel"] = "SMS",
            }).GetSection("AuthClient"))
            .AddWebhooks()
            .AddSessions();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.StartsWith("Webhooks.TimestampTolerance must be more than 0", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Webhooks.MaxBodyBytes must be at least 1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sessions.IdleTimeout must be more than 0", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sessions.MaxOtpAttempts must be between 1 and 10", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sessions.PushChannel must be AUTHY or BIOMETRIC", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddAuthClient(Configuration(values).GetSection("AuthClient")).AddWebhooks().AddSessions();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
