using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using System.ComponentModel.DataAnnotations;
using AuthClient.Resilience.Internal;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;

namespace AuthClient.Tests.DependencyInjection;

public sealed class AuthClientOptionsValidatorTests
{
    private static readonly string[] AllProblems =
    [
        "Weavr.BaseUrl must use https",
        "Weavr.ApiKey is required",
        "Resilience.MaxRetryAttempts must be between 0 and 10",
        "Resilience.AttemptTimeout must be at least 10 ms",
        "Resilience.TotalTimeout must be at least Resilience.AttemptTimeout",
    ];

    [Fact]
    public async Task HostStart_InvalidOptions_FailsWithEveryMessage()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(Misconfigure);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        AssertListsAllProblems(ex);
    }

    [Fact]
    public void ResolvingTheClient_InvalidOptions_FailsWithEveryMessage()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(Misconfigure);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IWeavrAuthClient>());

        AssertListsAllProblems(ex);
    }

    [Fact]
    public async Task HostStart_ValidOptions_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAuthClient(o => o.Weavr.ApiKey = "k");
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/multi")]
    [InlineData("http://localhost:8080/multi")]
    [InlineData("http://[::1]:8080/multi")]
    [InlineData("https://sandbox.weavr.io/multi")]
    public void Validate_HttpsOrLoopbackHttp_Succeeds(string url) =>
        Assert.True(Validate(o => o.Weavr.BaseUrl = new Uri(url)).Succeeded);

    [Theory]
    [InlineData("http://sandbox.weavr.io/multi", "Weavr.BaseUrl must use https")]
    [InlineData("http://10.0.0.5/multi", "Weavr.BaseUrl must use https")]
    [InlineData("ftp://127.0.0.1/multi", "Weavr.BaseUrl must use https")]
    [InlineData("/multi", "Weavr.BaseUrl must be an absolute URL")]
    public void Validate_BadBaseUrl_Fails(string url, string expected) =>
        AssertFails(o => o.Weavr.BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute), expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingApiKey_Fails(string apiKey) =>
        AssertFails(o => o.Weavr.ApiKey = apiKey, "Weavr.ApiKey is required");

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Validate_RetryCountOutOfRange_Fails(int retries) =>
        AssertFails(o => o.Resilience.MaxRetryAttempts = retries, "Resilience.MaxRetryAttempts must be between 0 and 10");

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Validate_RetryCountAtBounds_Succeeds(int retries) =>
        Assert.True(Validate(o => o.Resilience.MaxRetryAttempts = retries).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(301_000)]
    public void Validate_AttemptTimeoutOutsidePollysRange_Fails(int milliseconds) =>
        AssertFails(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(milliseconds), "Resilience.AttemptTimeout must be at least 10 ms");

    [Theory]
    [InlineData(0)]
    [InlineData(1023)]
    [InlineData(64 * 1024 * 1024 + 1)]
    public void Validate_MaxResponseBytesOutOfRange_Fails(int bytes) =>
        AssertFails(o => o.Resilience.MaxResponseBytes = bytes, "Resilience.MaxResponseBytes must be between 1 KiB and 64 MiB");

    [Fact]
    public void Validate_TotalTimeoutOfTwoDays_Fails() =>
        AssertFails(o => o.Resilience.TotalTimeout = TimeSpan.FromDays(2), "Resilience.TotalTimeout must be at least Resilience.AttemptTimeout and at most 24 hours");

    [Fact]
    public void Validate_DelaysBeyondPollysRange_FailListingEach()
    {
        var result = Validate(o =>
        {
            o.Resilience.BaseDelay = TimeSpan.FromHours(25);
            o.Resilience.MaxDelay = TimeSpan.FromHours(26);
            o.Resilience.MaxRetryAfter = TimeSpan.FromDays(3);
        });

        Assert.Contains(result.Failures!, f => f.StartsWith("Resilience.BaseDelay must be between 0 and 24 hours", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Resilience.MaxDelay must be between 0 and 24 hours", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Resilience.MaxRetryAfter must be between 0 and 24 hours", StringComparison.Ordinal));
    }

    /// <summary>Whatever start-up accepts, Polly must accept too: otherwise every call fails with Polly's own exception.</summary>
    [Theory]
    [InlineData(5, 60_000, 200, 10_000)]
    [InlineData(9, 60_000, 200, 10_000)]
    [InlineData(10, 10, 0, 0)]
    [InlineData(10_000, 86_400_000, 200, 10_000)]
    [InlineData(10_000, 86_400_001, 200, 10_000)]
    [InlineData(10_000, 172_800_000, 200, 10_000)]
    [InlineData(10_000, 60_000, 86_400_000, 86_400_000)]
    [InlineData(10_000, 60_000, 86_400_001, 86_400_001)]
    [InlineData(10_000, 60_000, 200, 90_000_000)]
    public void Validate_AcceptedOptions_AlsoBuildThePollyPipeline(int attemptMs, long totalMs, long baseDelayMs, long maxDelayMs)
    {
        var options = new AuthClientOptions();
        options.Weavr.ApiKey = "k";
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(attemptMs);
        options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(totalMs);
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(baseDelayMs);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(maxDelayMs);

        var accepted = new AuthClientOptionsValidator().Validate(Options.DefaultName, options).Succeeded;
        var pollyAccepts = PollyAccepts(options);

        Assert.Equal(pollyAccepts, accepted);
    }

    [Fact]
    public void Validate_TotalTimeoutBelowAttemptTimeout_Fails() =>
        AssertFails(
            o =>
            {
                o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.Resilience.TotalTimeout = TimeSpan.FromSeconds(9);
            },
            "Resilience.TotalTimeout must be at least Resilience.AttemptTimeout");

    [Fact]
    public void Validate_NegativeDelays_Fail()
    {
        AssertFails(o => o.Resilience.BaseDelay = TimeSpan.FromSeconds(-1), "Resilience.BaseDelay must be between 0 and 24 hours");
        AssertFails(o => o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(100), "Resilience.MaxDelay must be at least Resilience.BaseDelay");
        AssertFails(o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(-1), "Resilience.MaxRetryAfter must be between 0 and 24 hours");
    }

    [Fact]
    public void Validate_UndefinedEnvironment_Fails() =>
        AssertFails(o => o.Weavr.Environment = (WeavrEnvironment)42, "Weavr.Environment must be one of Sandbox, Production, Mock");

    [Fact]
    public void Validate_TransmitClientIdWithoutSecret_Fails() =>
        AssertFails(o => o.Transmit.ClientId = "id", "Transmit.ClientId and Transmit.ClientSecret must be set together");

    private static void Misconfigure(AuthClientOptions o)
    {
        o.Weavr.BaseUrl = new Uri("http://sandbox.weavr.io/multi");
        o.Weavr.ApiKey = "";
        o.Resilience.MaxRetryAttempts = -1;
        o.Resilience.AttemptTimeout = TimeSpan.Zero;
        o.Resilience.TotalTimeout = TimeSpan.FromSeconds(-5);
    }

    private static void AssertListsAllProblems(OptionsValidationException ex)
    {
        foreach (var problem in AllProblems)
        {
            Assert.Contains(ex.Failures, f => f.StartsWith(problem, StringComparison.Ordinal));
            Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        }
    }

    private static bool PollyAccepts(AuthClientOptions options)
    {
        try
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            ResiliencePipelineConfigurator.ConfigureCall(builder, options.Resilience, TimeProvider.System);
            builder.Build();

            // The attempt timeout is AuthClient's own handler, which keeps Polly's timeout range (10 ms to 24 h).
            new ResiliencePipelineBuilder().AddTimeout(options.Resilience.AttemptTimeout).Build();
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }

    private static ValidateOptionsResult Validate(Action<AuthClientOptions> change)
    {
        var options = new AuthClientOptions();
        options.Weavr.ApiKey = "k";
        change(options);
        return new AuthClientOptionsValidator().Validate(Options.DefaultName, options);
    }

    private static void AssertFails(Action<AuthClientOptions> change, string expected)
    {
        var result = Validate(change);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
