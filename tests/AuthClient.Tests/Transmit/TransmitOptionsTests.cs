using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Transmit;
using AuthClient.Transmit.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitOptionsTests
{
    [Fact]
    public void Validate_WeavrOnlyApplication_HasNoTransmitFailures()
    {
        var result = Validate(_ => { });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_WeavrOnlyWithUnusedInvalidTokenSettings_IgnoresThem()
    {
        var result = Validate(t => t.TokenRefreshMargin = TimeSpan.FromHours(2));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_CompleteTransmitSettings_Succeeds()
    {
        var result = Validate(t =>
        {
            t.Environment = TransmitEnvironment.AU;
            t.ClientId = "id";
            t.ClientSecret = "secret";
            t.Resource = "https://api.example.com";
            t.TokenRefreshMargin = TimeSpan.Zero;
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("id", "", "must be set together")]
    [InlineData("", "secret", "must be set together")]
    public void Validate_HalfTheCredentials_Fails(string id, string secret, string expected)
    {
        var result = Validate(t => { t.ClientId = id; t.ClientSecret = secret; });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1801)]
    public void Validate_TokenRefreshMarginOutOfRange_FailsOnceCredentialsAreSet(int seconds)
    {
        var result = Validate(t => { t.ClientId = "id"; t.ClientSecret = "secret"; t.TokenRefreshMargin = TimeSpan.FromSeconds(seconds); });

        Assert.True(result.Failed);
        Assert.Contains("Transmit.TokenRefreshMargin", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://api.example.com/cis", "must use https")]
    [InlineData("https://api.example.com/cis?x=1", "query or fragment")]
    [InlineData("/cis", "absolute URL")]
    public void Validate_BadCustomBaseUrl_FailsEvenWithoutCredentials(string url, string expected)
    {
        var result = Validate(t => t.BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/cis")]
    [InlineData("http://localhost:5000/cis")]
    [InlineData("https://gw.example/transmit/cis")]
    public void Validate_HttpsOrLoopbackBaseUrl_Succeeds(string url)
    {
        var result = Validate(t => t.BaseUrl = new Uri(url));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UndefinedEnvironment_Fails()
    {
        var result = Validate(t => t.Environment = (TransmitEnvironment)42);

        Assert.True(result.Failed);
        Assert.Contains("Transmit.Environment", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankResource_Fails()
    {
        var result = Validate(t => { t.ClientId = "id"; t.ClientSecret = "secret"; t.Resource = " "; });

        Assert.True(result.Failed);
        Assert.Contains("Transmit.Resource", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithSecret_RedactsIt()
    {
        var options = new TransmitOptions { ClientId = "id", ClientSecret = "super-secret-value" };

        Assert.DoesNotContain("super-secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ClientSecret = [redacted]", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuthClient_BoundFromConfiguration_PointsBothClientsAtTheRegion()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuthClient:Weavr:ApiKey"] = "weavr-key",
            ["AuthClient:Transmit:Environment"] = "EU",
            ["AuthClient:Transmit:ClientId"] = "id",
            ["AuthClient:Transmit:ClientSecret"] = "secret",
            ["AuthClient:Transmit:TokenRefreshMargin"] = "00:02:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthClient(configuration.GetSection(AuthClientOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value.Transmit;
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(TransmitEnvironment.EU, options.Environment);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TokenRefreshMargin);
        Assert.Equal(new Uri("https://api.eu.transmitsecurity.io/cis"), factory.CreateClient(TransmitRegistration.ClientName).BaseAddress);
        Assert.Equal(new Uri("https://api.eu.transmitsecurity.io/"), factory.CreateClient(TransmitRegistration.TokenClientName).BaseAddress);
        Assert.NotNull(provider.GetRequiredService<ITransmitBiometricsClient>());
        Assert.Same(provider.GetRequiredService<ITransmitClientTokenProvider>(), provider.GetRequiredService<ITransmitClientTokenProvider>());
    }

    [Fact]
    public void AddAuthClient_InvalidTransmitOptions_FailsWhenResolved()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o => { o.Weavr.ApiKey = "k"; o.Transmit.ClientId = "id-without-secret"; });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuthClientOptions>>().Value);

        Assert.Contains("Transmit.ClientId and Transmit.ClientSecret must be set together.", ex.Failures);
    }

    private static ValidateOptionsResult Validate(Action<TransmitOptions> configure)
    {
        var options = new AuthClientOptions();
        options.Weavr.ApiKey = "weavr-key";
        configure(options.Transmit);
        return new AuthClientOptionsValidator().Validate(null, options);
    }
}
