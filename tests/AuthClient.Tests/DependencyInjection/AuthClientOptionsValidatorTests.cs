using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.DependencyInjection;

public sealed class AuthClientOptionsValidatorTests
{
    private static readonly string[] AllProblems =
    [
        "Weavr.BaseUrl must use https",
        "Weavr.ApiKey is required",
        "Resilience.MaxRetryAttempts must be between 0 and 10",
        "Resilience.AttemptTimeout must be more than 0",
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
    [InlineData(301_000)]
    public void Validate_AttemptTimeoutNotPositiveOrTooLong_Fails(int milliseconds) =>
        AssertFails(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(milliseconds), "Resilience.AttemptTimeout must be more than 0");

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
        AssertFails(o => o.Resilience.BaseDelay = TimeSpan.FromSeconds(-1), "Resilience.BaseDelay must be 0 or more");
        AssertFails(o => o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(100), "Resilience.BaseDelay must be 0 or more and at most Resilience.MaxDelay");
        AssertFails(o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(-1), "Resilience.MaxRetryAfter must be 0 or more");
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
