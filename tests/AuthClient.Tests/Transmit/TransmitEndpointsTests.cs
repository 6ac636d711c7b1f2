using AuthClient.Transmit;
using AuthClient.Transmit.Internal;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitEndpointsTests
{
    [Theory]
    [InlineData(TransmitEnvironment.Sandbox, "https://api.sbx.transmitsecurity.io/cis", "https://api.sbx.transmitsecurity.io/oidc/token")]
    [InlineData(TransmitEnvironment.US, "https://api.transmitsecurity.io/cis", "https://api.transmitsecurity.io/oidc/token")]
    [InlineData(TransmitEnvironment.EU, "https://api.eu.transmitsecurity.io/cis", "https://api.eu.transmitsecurity.io/oidc/token")]
    [InlineData(TransmitEnvironment.CA, "https://api.ca.transmitsecurity.io/cis", "https://api.ca.transmitsecurity.io/oidc/token")]
    [InlineData(TransmitEnvironment.AU, "https://api.au.transmitsecurity.io/cis", "https://api.au.transmitsecurity.io/oidc/token")]
    public void ApiBaseUrlAndTokenUrl_Environment_UseItsHost(TransmitEnvironment environment, string api, string token)
    {
        var options = new TransmitOptions { Environment = environment };

        Assert.Equal(new Uri(api), TransmitEndpoints.ApiBaseUrl(options));
        Assert.Equal(new Uri(token), TransmitEndpoints.TokenUrl(options));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1234/cis", "http://127.0.0.1:1234/", "http://127.0.0.1:1234/oidc/token")]
    [InlineData("http://127.0.0.1:1234/cis/", "http://127.0.0.1:1234/", "http://127.0.0.1:1234/oidc/token")]
    [InlineData("https://gw.example/transmit/cis", "https://gw.example/transmit", "https://gw.example/transmit/oidc/token")]
    [InlineData("https://gw.example:8443/a/b/CIS/", "https://gw.example:8443/a/b", "https://gw.example:8443/a/b/oidc/token")]
    [InlineData("http://localhost:5000", "http://localhost:5000/", "http://localhost:5000/oidc/token")]
    [InlineData("https://gw.example/cisx", "https://gw.example/cisx", "https://gw.example/cisx/oidc/token")]
    public void TokenBaseUrl_CustomBaseUrl_DropsOnlyATrailingCisSegment(string baseUrl, string tokenBase, string tokenUrl)
    {
        var options = new TransmitOptions { Environment = TransmitEnvironment.EU, BaseUrl = new Uri(baseUrl) };

        Assert.Equal(new Uri(baseUrl), TransmitEndpoints.ApiBaseUrl(options)); // A custom URL overrides the environment.
        Assert.Equal(new Uri(tokenBase), TransmitEndpoints.TokenBaseUrl(new Uri(baseUrl)));
        Assert.Equal(new Uri(tokenUrl), TransmitEndpoints.TokenUrl(options));
    }

    [Fact]
    public void Host_UndefinedEnvironment_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TransmitEndpoints.Host((TransmitEnvironment)42));
    }
}
