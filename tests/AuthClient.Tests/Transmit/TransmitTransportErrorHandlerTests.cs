using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Transmit.Models;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitTransportErrorHandlerTests
{
    [Fact]
    public async Task RegisterAndDelete_ConnectionRefused_ThrowTransportExceptionNotRawHttpException()
    {
        using var host = new TransmitTestHost(o => o.BaseUrl = Loopback.ClosedUrl("/cis"));
        var request = new BiometricsRegisterRequest { PublicKey = "p", PublicKeyId = "i", Os = "iOS" };

        var register = await Assert.ThrowsAsync<AuthClientTransportException>(() => host.Client.RegisterAsync(new Secret("user-token"), request));
        var delete = await Assert.ThrowsAsync<AuthClientTransportException>(() => host.Client.DeleteAsync(new Secret("user-token"), "pk"));

        Assert.False(register.OutcomeUnknown);
        Assert.Contains("Transmit POST /cis/v1/auth/mobile-biometrics/register could not connect", register.Message, StringComparison.Ordinal);
        Assert.Contains("Transmit DELETE /cis/v1/auth/mobile-biometrics/delete could not connect", delete.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user-token", register.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TokenEndpointUnreachable_ThrowsTransportException()
    {
        using var host = new TransmitTestHost(o => o.BaseUrl = Loopback.ClosedUrl("/cis"));

        var ex = await Assert.ThrowsAsync<AuthClientTransportException>(() => host.Client.StartAsync(BiometricsStartRequest.ForUser("u")));

        Assert.Contains("Transmit POST /oidc/token could not connect", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TransmitTestHost.ClientSecret, ex.ToString(), StringComparison.Ordinal);
    }
}
