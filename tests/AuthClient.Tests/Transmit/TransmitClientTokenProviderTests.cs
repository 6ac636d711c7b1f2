using System.Net;
using AuthClient.Errors;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitClientTokenProviderTests : IDisposable
{
    private readonly TransmitTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task GetTokenAsync_FirstCall_RequestsTokenAndComputesExpiryFromTimeProvider()
    {
        _host.GivenToken(expiresIn: 3600);

        var token = await _host.TokenProvider.GetTokenAsync();

        Assert.Equal(TransmitTestHost.ClientToken1, token.AccessToken.Reveal());
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(_host.Time.GetUtcNow().AddSeconds(3600), token.ExpiresAt);
        Assert.Single(_host.TokenRequests);
    }

    [Fact]
    public async Task StartAsync_RepeatedCallsBeforeExpiry_ReuseOneClientToken()
    {
        _host.GivenTwoTokens();
        _host.GivenStart();

        await _host.Client.StartAsync(BiometricsStartRequest.ForUser("u1"));
        await _host.Client.StartAsync(BiometricsStartRequest.ForUser("u2"));
        await _host.Client.StartAsync(BiometricsStartRequest.ForUser("u3"));

        Assert.Single(_host.TokenRequests);
        Assert.All(_host.Requests(TransmitTestHost.StartPath), e =>
            Assert.Equal($"Bearer {TransmitTestHost.ClientToken1}", TransmitTestHost.Header(e, "Authorization")));
    }

    [Fact]
    public async Task GetTokenAsync_JustBeforeExpiryMinusMargin_ReusesThenRenewsAtIt()
    {
        _host.GivenTwoTokens(expiresIn: 3600); // Default margin 60 s: renew from 3540 s on.
        var provider = _host.TokenProvider;
        await provider.GetTokenAsync();

        _host.Time.Advance(TimeSpan.FromSeconds(3540) - TimeSpan.FromMilliseconds(1));
        var beforeMargin = await provider.GetTokenAsync();
        Assert.Equal(TransmitTestHost.ClientToken1, beforeMargin.AccessToken.Reveal());
        Assert.Single(_host.TokenRequests);

        _host.Time.Advance(TimeSpan.FromMilliseconds(1));
        var atMargin = await provider.GetTokenAsync();
        Assert.Equal(TransmitTestHost.ClientToken2, atMargin.AccessToken.Reveal());
        Assert.Equal(2, _host.TokenRequests.Count);

        _host.Time.Advance(TimeSpan.FromSeconds(10));
        var afterRenewal = await provider.GetTokenAsync();
        Assert.Same(atMargin, afterRenewal);
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_CustomMargin_RenewsThatLongBeforeExpiry()
    {
        using var host = new TransmitTestHost(o => o.TokenRefreshMargin = TimeSpan.FromMinutes(5));
        host.GivenTwoTokens(expiresIn: 600);
        await host.TokenProvider.GetTokenAsync();

        host.Time.Advance(TimeSpan.FromSeconds(299));
        await host.TokenProvider.GetTokenAsync();
        Assert.Single(host.TokenRequests);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var renewed = await host.TokenProvider.GetTokenAsync();
        Assert.Equal(TransmitTestHost.ClientToken2, renewed.AccessToken.Reveal());
        Assert.Equal(2, host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_HundredConcurrentCallers_ShareExactlyOneRequest()
    {
        var gate = GivenHeldToken();
        var provider = _host.TokenProvider;

        var callers = Enumerable.Range(0, 100).Select(_ => provider.GetTokenAsync().AsTask()).ToList();
        Assert.All(callers, c => Assert.False(c.IsCompleted)); // All 100 are waiting while the one request is held.
        gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Single(_host.TokenRequests);
        Assert.All(tokens, t => Assert.Same(tokens[0], t));
    }

    [Fact]
    public async Task StartAsync_HundredConcurrentCalls_SendOneTokenRequestAndHundredStarts()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(TransmitTestHost.TokenResponse(TransmitTestHost.ClientToken1, 3600).WithDelay(TimeSpan.FromMilliseconds(300)));
        _host.GivenStart();
        var client = _host.Client;

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => client.StartAsync(BiometricsStartRequest.ForUser($"user-{i}")))));

        Assert.Single(_host.TokenRequests);
        var starts = _host.Requests(TransmitTestHost.StartPath);
        Assert.Equal(100, starts.Count);
        Assert.All(starts, e => Assert.Equal($"Bearer {TransmitTestHost.ClientToken1}", TransmitTestHost.Header(e, "Authorization")));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    public async Task GetTokenAsync_TokenRequestFails_IsNotCachedAndNextCallRequestsAgain(int status)
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .InScenario("fail-once").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"message":["Bad request"],"error_code":400}"""));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .InScenario("fail-once").WhenStateIs("recovered")
            .RespondWith(TransmitTestHost.TokenResponse(TransmitTestHost.ClientToken1, 3600));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.TokenProvider.GetTokenAsync().AsTask());
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(TransmitTestHost.TokenPath, ex.Details.Path);
        Assert.Single(_host.TokenRequests); // A POST answered 5xx is not retried: its outcome is unknown.

        var token = await _host.TokenProvider.GetTokenAsync();

        Assert.Equal(TransmitTestHost.ClientToken1, token.AccessToken.Reveal());
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task StartAsync_TokenEndpointRejectsCredentials_ThrowsTokenErrorAndSendsNoStart()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"invalid_client","error_description":"client authentication failed"}"""));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.StartAsync(BiometricsStartRequest.ForUser("u")));

        Assert.True(ex.IsUnauthorized);
        Assert.Equal("invalid_client", ex.ErrorCode);
        Assert.Equal(["client authentication failed"], ex.Messages);
        Assert.Contains("Check Transmit:ClientId and Transmit:ClientSecret.", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Requests(TransmitTestHost.StartPath));
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentWaitersOfAFailedRequest_ShareTheFailureThenRetry()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await gate.Task;
                    return Json(500, "{}");
                }

                return Json(200, $$"""{"access_token":"{{TransmitTestHost.ClientToken2}}","expires_in":3600}""");
            }));
        var provider = _host.TokenProvider;

        var waiters = Enumerable.Range(0, 10).Select(_ => provider.GetTokenAsync().AsTask()).ToList();
        gate.SetResult();

        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<TransmitApiException>(() => waiter);
        }

        Assert.Single(_host.TokenRequests);
        var token = await provider.GetTokenAsync();
        Assert.Equal(TransmitTestHost.ClientToken2, token.AccessToken.Reveal());
        Assert.Equal("Bearer", token.TokenType); // Defaulted when the server omits token_type.
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_OneWaiterCancels_OthersStillGetTheToken()
    {
        var gate = GivenHeldToken();
        var provider = _host.TokenProvider;
        using var cts = new CancellationTokenSource();

        var first = provider.GetTokenAsync(cts.Token).AsTask(); // Starts the shared request.
        var second = provider.GetTokenAsync().AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        gate.SetResult();

        var token = await second;
        Assert.Equal(TransmitTestHost.ClientToken1, token.AccessToken.Reveal());
        Assert.Single(_host.TokenRequests);
    }

    [Fact]
    public async Task RenewTokenAsync_WhileCached_RequestsANewToken()
    {
        _host.GivenTwoTokens();
        var provider = _host.TokenProvider;
        await provider.GetTokenAsync();

        var renewed = await provider.RenewTokenAsync();

        Assert.Equal(TransmitTestHost.ClientToken2, renewed.AccessToken.Reveal());
        Assert.Same(renewed, await provider.GetTokenAsync());
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task Invalidate_WhileCached_NextCallRequestsANewToken()
    {
        _host.GivenTwoTokens();
        var provider = _host.TokenProvider;
        await provider.GetTokenAsync();

        provider.Invalidate();
        var next = await provider.GetTokenAsync();

        Assert.Equal(TransmitTestHost.ClientToken2, next.AccessToken.Reveal());
        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_ResponseWithoutExpiresIn_IsNotReused()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{TransmitTestHost.ClientToken1}}","token_type":"Bearer"}"""));

        await _host.TokenProvider.GetTokenAsync();
        await _host.TokenProvider.GetTokenAsync();

        Assert.Equal(2, _host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_ResponseWithoutAccessToken_ThrowsAuthClientException()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"token_type":"Bearer","expires_in":3600}"""));

        var ex = await Assert.ThrowsAsync<AuthClientException>(() => _host.TokenProvider.GetTokenAsync().AsTask());

        Assert.Contains("without an access_token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_WithoutCredentials_ThrowsAndSendsNothing()
    {
        using var host = new TransmitTestHost(o => { o.ClientId = ""; o.ClientSecret = ""; });

        var ex = await Assert.ThrowsAsync<AuthClientException>(() => host.TokenProvider.GetTokenAsync().AsTask());

        Assert.Contains("not configured", ex.Message, StringComparison.Ordinal);
        Assert.Empty(host.Server.LogEntries);
    }

    /// <summary>Answers the token endpoint with <see cref="TransmitTestHost.ClientToken1"/> once the returned gate is opened.</summary>
    private TaskCompletionSource GivenHeldToken()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                await gate.Task;
                return Json(200, $$"""{"access_token":"{{TransmitTestHost.ClientToken1}}","token_type":"Bearer","expires_in":3600}""");
            }));
        return gate;
    }

    private static ResponseMessage Json(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
