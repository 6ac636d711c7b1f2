using AuthClient.DependencyInjection;
using AuthClient.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.Webhooks;

public sealed class AuthClientBuilderWebhookExtensionsTests
{
    [Fact]
    public async Task AddWebhooks_NoSigningKey_VerifiesWithTheWeavrApiKey()
    {
        using var kit = new WebhookTestKit();
        var body = WebhookBodies.Login;

        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, WebhookTestKit.SignedHeaders("cr", body, WebhookTestKit.Ms(kit.Time.GetUtcNow()), WebhookTestKit.ApiKey), body);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task AddWebhooks_SigningKeySet_VerifiesWithItAndNotTheApiKey()
    {
        using var kit = new WebhookTestKit(o => o.SigningKey = "oldest-client-key");
        var body = WebhookBodies.Login;
        var now = WebhookTestKit.Ms(kit.Time.GetUtcNow());

        var withApiKey = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, WebhookTestKit.SignedHeaders("cr-1", body, now, WebhookTestKit.ApiKey), body);
        var withSigningKey = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, WebhookTestKit.SignedHeaders("cr-2", body, now, "oldest-client-key"), body);

        Assert.Equal(WebhookRejectionReason.InvalidSignature, withApiKey.RejectionReason);
        Assert.True(withSigningKey.IsAccepted);
    }

    [Fact]
    public void AddWebhooks_RegistersSingletonsAndInMemoryGuard()
    {
        using var kit = new WebhookTestKit();

        Assert.Same(kit.Receiver, kit.Services.GetRequiredService<WeavrWebhookReceiver>());
        Assert.IsType<InMemoryWebhookReplayGuard>(kit.Services.GetRequiredService<IWebhookReplayGuard>());
    }

    [Fact]
    public async Task AddWebhooks_MinimalRegistrationWithoutExtraServices_ReceivesWithSystemClock()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o => o.Weavr.ApiKey = "minimal-key").AddWebhooks();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var body = WebhookBodies.Login;
        var headers = WebhookTestKit.SignedHeaders("cr-min", body, WebhookTestKit.Ms(DateTimeOffset.UtcNow), "minimal-key");

        var result = await provider.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.True(result.IsAccepted); // no sink registered: accepted, nothing to dispatch to
    }

    [Fact]
    public async Task AddWebhooks_ReplayGuardRegisteredBefore_IsKept()
    {
        var custom = new CountingGuard();
        using var kit = new WebhookTestKit(services: s => s.AddSingleton<IWebhookReplayGuard>(custom));
        var body = WebhookBodies.Login;

        await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, kit.SignedNow("cr-custom", body), body);

        Assert.Same(custom, kit.Services.GetRequiredService<IWebhookReplayGuard>());
        var (callRef, expiresAt) = Assert.Single(custom.Registered);
        Assert.Equal("cr-custom", callRef);
        Assert.Equal(WebhookTestKit.Start + WeavrWebhookDefaults.ReplayWindow, expiresAt);
    }

    [Fact]
    public void AddWebhooks_InvalidOptions_FailWithEveryProblemListed()
    {
        using var kit = new WebhookTestKit(o =>
        {
            o.TimestampTolerance = TimeSpan.Zero;
            o.ReplayWindow = TimeSpan.FromDays(8);
            o.ReplayCacheCapacity = 0;
            o.MaxBodyBytes = 0;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => kit.Receiver);

        Assert.Equal(4, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("TimestampTolerance", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ReplayWindow", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ReplayCacheCapacity", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("MaxBodyBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void AddWebhooks_ReplayWindowShorterThanTolerance_Fails()
    {
        using var kit = new WebhookTestKit(o => o.ReplayWindow = TimeSpan.FromMinutes(1));

        var ex = Assert.Throws<OptionsValidationException>(() => kit.Receiver);

        Assert.Contains("ReplayWindow must be at least", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddWebhooks_NoApiKeyNorSigningKey_FailsOnTheMissingApiKey()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o => o.Weavr.ApiKey = string.Empty).AddWebhooks();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value);

        // The default signing key is read from the AuthClient options, whose validation names the real problem.
        Assert.Contains("Weavr.ApiKey is required", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddWebhooks_FromConfiguration_BindsOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuthClient:Webhooks:TimestampTolerance"] = "00:02:00",
            ["AuthClient:Webhooks:ReplayWindow"] = "00:30:00",
            ["AuthClient:Webhooks:RequireCallRef"] = "true",
            ["AuthClient:Webhooks:SigningKey"] = "configured-key",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthClient(o => o.Weavr.ApiKey = "api").AddWebhooks(configuration.GetSection("AuthClient:Webhooks"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(2), options.TimestampTolerance);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ReplayWindow);
        Assert.True(options.RequireCallRef);
        Assert.Equal("configured-key", options.SigningKey);
        Assert.DoesNotContain("configured-key", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WeavrWebhookReceiver_ConstructedWithoutKey_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WeavrWebhookReceiver(
            Options.Create(new WeavrWebhookOptions()),
            new InMemoryWebhookReplayGuard(TimeProvider.System),
            [],
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WeavrWebhookReceiver>.Instance));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("SigningKey is required", ex.Message, StringComparison.Ordinal);
    }

    private sealed class CountingGuard : IWebhookReplayGuard
    {
        public List<(string CallRef, DateTimeOffset ExpiresAt)> Registered { get; } = [];

        public ValueTask<bool> TryRegisterAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            Registered.Add((callRef, expiresAt));
            return ValueTask.FromResult(true);
        }

        public ValueTask ReleaseAsync(string callRef, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
