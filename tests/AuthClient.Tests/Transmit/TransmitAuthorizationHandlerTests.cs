using System.Net;
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitAuthorizationHandlerTests : IDisposable
{
    private const string ClientToken3 = "client-token-three-CCC";
    private readonly TransmitTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StartAsync_401ThenOk_RenewsTokenOnceAndResendsOnce()
    {
        _host.GivenTwoTokens();
        GivenStartRejects(TransmitTestHost.ClientToken1);
        GivenStartAccepts(TransmitTestHost.ClientToken2);

        var result = await _host.Client.StartAsync(BiometricsStartRequest.ForUser("user-1"));

        Assert.Equal("ok", result.Challenge);
        Assert.Equal(2, _host.TokenRequests.Count);
        var starts = _host.Requests(TransmitTestHost.StartPath);
        Assert.Equal(2, starts.Count);
        Assert.Equal($"Bearer {TransmitTestHost.ClientToken1}", TransmitTestHost.Header(starts[0], "Authorization"));
        Assert.Equal($"Bearer {TransmitTestHost.ClientToken2}", TransmitTestHost.Header(starts[1], "Authorization"));
        Assert.Equal(starts[0].RequestMessage!.Body, starts[1].RequestMessage!.Body);
        Assert.Equal("""{"user_id":"user-1"}""", starts[1].RequestMessage!.Body);

        // The renewed token is cached: the next call needs no token request.
        await _host.Client.StartAsync(BiometricsStartRequest.ForUser("user-2"));
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task StartAsync_401Twice_ThrowsTransmitApiExceptionWithoutLooping()
    {
        GivenTokens(TransmitTestHost.ClientToken1, TransmitTestHost.ClientToken2, ClientToken3);
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error_code":"auth_invalid_credentials","message":"Unauthorized"}"""));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.StartAsync(BiometricsStartRequest.ForUser("user-1")));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("auth_invalid_credentials", ex.ErrorCode);
        Assert.Equal(2, _host.TokenRequests.Count);
        Assert.Equal(2, _host.Requests(TransmitTestHost.StartPath).Count);
    }

    [Fact]
    public async Task AuthenticateAsync_401ThenOk_RenewsTokenOnceAndResendsOnce()
    {
        _host.GivenTwoTokens();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.AuthenticatePath).UsingPost()
                .WithHeader("Authorization", $"Bearer {TransmitTestHost.ClientToken1}"))
            .RespondWith(Response.Create().WithStatusCode(401));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.AuthenticatePath).UsingPost()
                .WithHeader("Authorization", $"Bearer {TransmitTestHost.ClientToken2}"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"access_token":"at","token_type":"Bearer","expires_in":3600,"session_id":"s"}"""));

        var tokens = await _host.Client.AuthenticateAsync(new BiometricsAuthenticateRequest { Signature = "sig", Challenge = "c", KeyId = "k", UserId = "u" });

        Assert.Equal("at", tokens.AccessToken.Reveal());
        Assert.Equal(2, _host.TokenRequests.Count);
        Assert.Equal(2, _host.Requests(TransmitTestHost.AuthenticatePath).Count);
    }

    [Fact]
    public async Task AuthenticateAsync_401Twice_ThrowsAfterExactlyTwoAttempts()
    {
        GivenTokens(TransmitTestHost.ClientToken1, TransmitTestHost.ClientToken2, ClientToken3);
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.AuthenticatePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() =>
            _host.Client.AuthenticateAsync(new BiometricsAuthenticateRequest { Signature = "sig", Challenge = "c", KeyId = "k", UserId = "u" }));

        Assert.True(ex.IsUnauthorized);
        Assert.Equal(2, _host.TokenRequests.Count);
        Assert.Equal(2, _host.Requests(TransmitTestHost.AuthenticatePath).Count);
    }

    [Fact]
    public async Task StartAsync_ConcurrentCallsRejected_ShareOneRenewal()
    {
        GivenTokens(TransmitTestHost.ClientToken1, TransmitTestHost.ClientToken2, ClientToken3);
        await _host.TokenProvider.GetTokenAsync(); // Every caller starts with token 1.
        GivenStartRejects(TransmitTestHost.ClientToken1);
        GivenStartAccepts(TransmitTestHost.ClientToken2);
        var client = _host.Client;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => client.StartAsync(BiometricsStartRequest.ForUser($"u{i}")))));

        Assert.Equal(2, _host.TokenRequests.Count); // One initial, one renewal: no caller renewed a token already renewed.
        Assert.Equal(20, _host.Requests(TransmitTestHost.StartPath).Count(e =>
            TransmitTestHost.Header(e, "Authorization") == $"Bearer {TransmitTestHost.ClientToken2}"));
    }

    [Fact]
    public async Task RegisterAsync_401WithUserToken_ThrowsWithoutRenewingOrRetrying()
    {
        _host.GivenToken();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.RegisterAsync(
            new Secret("expired-user-token"), new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk", Os = "iOS" }));

        Assert.True(ex.IsUnauthorized);
        Assert.Empty(_host.TokenRequests);
        Assert.Single(_host.Requests(TransmitTestHost.RegisterPath));
    }

    [Fact]
    public async Task StartAsync_503_IsNotRetriedBecausePostOutcomeIsUnknown()
    {
        _host.GivenToken();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.StartAsync(BiometricsStartRequest.ForUser("u")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(_host.Requests(TransmitTestHost.StartPath));
    }

    [Fact]
    public async Task StartAsync_429ThenOk_IsRetriedWithTheSameClientToken()
    {
        _host.GivenToken();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost())
            .InScenario("rate").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost())
            .InScenario("rate").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"challenge":"after-429"}"""));
        var result = await _host.Client.StartAsync(BiometricsStartRequest.ForUser("u")); // 429 is always safe to retry.

        Assert.Equal("after-429", result.Challenge);
        Assert.Single(_host.TokenRequests);
        var starts = _host.Requests(TransmitTestHost.StartPath);
        Assert.Equal(2, starts.Count);
        Assert.All(starts, e => Assert.Equal($"Bearer {TransmitTestHost.ClientToken1}", TransmitTestHost.Header(e, "Authorization")));
    }

    private void GivenTokens(params string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var builder = _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost()).InScenario("tokens");
            builder = i == 0 ? builder : builder.WhenStateIs($"t{i}");
            builder.WillSetStateTo($"t{i + 1}").RespondWith(TransmitTestHost.TokenResponse(tokens[i], 3600));
        }
    }

    private void GivenStartRejects(string token) =>
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost().WithHeader("Authorization", $"Bearer {token}"))
            .RespondWith(Response.Create().WithStatusCode(401));

    private void GivenStartAccepts(string token) =>
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost().WithHeader("Authorization", $"Bearer {token}"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"challenge":"ok"}"""));
}
