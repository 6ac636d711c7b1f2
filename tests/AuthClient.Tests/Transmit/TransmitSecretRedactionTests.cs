using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitSecretRedactionTests : IDisposable
{
    private const string UserToken = "user-token-SECRET-777";
    private const string IssuedAccessToken = "issued-access-SECRET-1";
    private const string IssuedIdToken = "issued-id-SECRET-2";
    private const string IssuedRefreshToken = "issued-refresh-SECRET-3";
    private readonly TransmitTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string[] Secrets =>
    [
        TransmitTestHost.ClientSecret, TransmitTestHost.ClientToken1, TransmitTestHost.ClientToken2,
        UserToken, IssuedAccessToken, IssuedIdToken, IssuedRefreshToken,
    ];

    [Fact]
    public async Task EveryOperation_AtTraceLevel_LogsNoSecret()
    {
        _host.GivenTwoTokens();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost().WithHeader("Authorization", $"Bearer {TransmitTestHost.ClientToken1}"))
            .RespondWith(Response.Create().WithStatusCode(401)); // Forces a renewal, logged.
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost().WithHeader("Authorization", $"Bearer {TransmitTestHost.ClientToken2}"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"challenge":"c"}"""));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.AuthenticatePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                $$"""{"access_token":"{{IssuedAccessToken}}","id_token":"{{IssuedIdToken}}","refresh_token":"{{IssuedRefreshToken}}","token_type":"Bearer","expires_in":3600,"session_id":"s"}"""));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.DeletePath).UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));
        var client = _host.Client;

        await client.StartAsync(BiometricsStartRequest.ForUser("u"));
        var tokens = await client.AuthenticateAsync(new BiometricsAuthenticateRequest { Signature = "s", Challenge = "c", KeyId = "k", UserId = "u" });
        await client.RegisterAsync(new Secret(UserToken), new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk", Os = "iOS" });
        await client.DeleteAsync(tokens.AccessToken, "pk");

        var logs = _host.AllLogText();
        Assert.Contains("/cis/v1/auth/mobile-biometrics/start answered 401", logs, StringComparison.Ordinal); // The scan saw every attempt…
        Assert.Contains("/cis/v1/auth/mobile-biometrics/delete answered 204", logs, StringComparison.Ordinal);
        Assert.Contains("/oidc/token answered 200", logs, StringComparison.Ordinal);
        Assert.Contains("renewing it and resending once", logs, StringComparison.Ordinal); // …and the renewal.
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.Ordinal));
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, tokens.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exceptions_FromRejectedTokens_NeverContainSecrets()
    {
        _host.GivenTwoTokens();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"message":"Unauthorized","error_code":401}"""));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401));

        var start = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.StartAsync(BiometricsStartRequest.ForUser("u")));
        var register = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.RegisterAsync(
            new Secret(UserToken), new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk", Os = "iOS" }));

        foreach (var text in new[] { start.ToString(), register.ToString(), start.Details.ToString(), register.Details.ToString(), _host.AllLogText() })
        {
            Assert.All(Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Exceptions_FromTokenEndpoint_NeverContainClientSecret()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"invalid_client"}"""));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.TokenProvider.GetTokenAsync().AsTask());

        Assert.DoesNotContain(TransmitTestHost.ClientSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TransmitTestHost.ClientSecret, _host.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientToken_ToString_IsRedacted()
    {
        _host.GivenToken();

        var token = await _host.TokenProvider.GetTokenAsync();

        Assert.DoesNotContain(TransmitTestHost.ClientToken1, token.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticateRequest_ToString_RedactsTheSignatureOnly()
    {
        var request = new BiometricsAuthenticateRequest
        {
            Signature = "device-signature-SECRET-9", Challenge = "challenge-1", KeyId = "key-1", UserId = "user-1", SessionId = "session-1",
        };

        var text = request.ToString();

        Assert.DoesNotContain("device-signature-SECRET-9", text, StringComparison.Ordinal);
        Assert.Contains("Signature = [redacted]", text, StringComparison.Ordinal);
        Assert.Contains("Challenge = challenge-1, KeyId = key-1, UserId = user-1", text, StringComparison.Ordinal);
        Assert.Contains("SessionId = session-1", text, StringComparison.Ordinal);
    }
}
