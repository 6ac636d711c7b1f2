using AuthClient.Errors;
using AuthClient.Http;
using AuthClient.Http.Internal;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Tests.Hardening;

/// <summary>The hardening rules that need more than one fault-matrix row to show, each over a real socket.</summary>
public sealed class PipelineHardeningTests
{
    private static readonly IdentityId Identity = new(IdentityType.Consumer, "110000000101");

    [Fact]
    public async Task BodilessPost_ServerClosesOnAReusedConnection_TheRuntimeAloneSendsItTwice()
    {
        // The cause of the duplicated POST /logout: SocketsHttpHandler re-sends a request without content when a reused
        // connection ends before any answer. AuthClient therefore never sends a POST without content.
        var calls = 0;
        await using var server = new HostileServer(_ => Interlocked.Increment(ref calls) == 2 ? Faults.CloseWithoutAnswer(reset: false) : Faults.Status(204));
        using var http = new HttpClient(new SocketsHttpHandler());
        var logout = new Uri(server.BaseUrl, "/multi/logout");

        (await http.PostAsync(logout, content: null)).Dispose(); // warm-up: the connection goes back to the pool
        (await http.PostAsync(logout, content: null)).Dispose(); // closed without an answer, then re-sent by the runtime

        Assert.Equal(3, server.RequestsTo("/multi/logout").Count);
    }

    public static TheoryData<string> NonIdempotentOperations() => ["login", "access_token", "logout"];

    [Theory]
    [MemberData(nameof(NonIdempotentOperations))]
    public async Task NonIdempotentOperation_ServerClosesAfterReadingOnAReusedConnection_IsSentOnceAndOutcomeUnknown(string operation)
    {
        var path = operation switch { "login" => "/multi/login_with_password", "access_token" => "/multi/access_token", _ => "/multi/logout" };
        var faulty = false;
        await using var server = new HostileServer(r => faulty && r.Path == path
            ? Faults.CloseWithoutAnswer(reset: false)
            : Faults.Status(200, """{"token":"canary-auth-token-0042","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"1"},"credentials":{"type":"ROOT","id":"2"}}"""));
        using var host = FaultMatrixTests.CreateHost(server.BaseUrl, new TimerRecordingTimeProvider());
        var weavr = host.Provider.GetRequiredService<IWeavrAuthClient>();
        var bearer = WeavrCallOptions.WithToken(EndpointKind.Bearer);
        Task Call() => operation switch
        {
            "login" => weavr.LoginWithPasswordAsync(EndpointKind.Email, EndpointKind.Password),
            "access_token" => weavr.RequestAccessTokenAsync(Identity, bearer),
            _ => weavr.LogoutAsync(bearer),
        };

        await Call(); // warm-up on the same keep-alive connection
        faulty = true;
        var ex = await Assert.ThrowsAsync<AuthClientTransportException>(Call);

        var requests = server.RequestsTo(path);
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Connection, requests[1].Connection); // the fault really was on a reused connection
        Assert.True(ex.OutcomeUnknown);
        if (operation == "logout")
        {
            Assert.Equal("0", requests[1].Header("content-length")); // the empty body that stops the runtime's re-send
        }
    }

    [Fact]
    public async Task TransmitCall_TokenEndpointStalls_TimesOutAsNothingSent()
    {
        await using var server = new HostileServer(r => r.Path == EndpointKind.TransmitToken.Path ? Faults.Stall() : Faults.Ok(EndpointKind.TransmitCall));
        var time = new TimerRecordingTimeProvider();
        using var host = FaultMatrixTests.CreateHost(server.BaseUrl, time);

        var call = host.Provider.GetRequiredService<ITransmitBiometricsClient>().StartAsync(BiometricsStartRequest.ForUser("user-1"));
        var ex = await FaultMatrixTests.DriveAsync(call, server, time);

        var timeout = Assert.IsType<AuthClientTimeoutException>(ex);
        Assert.False(timeout.OutcomeUnknown, timeout.Message);
        Assert.Contains("nothing was sent", timeout.Message, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo(EndpointKind.TransmitCall.Path));
    }

    [Fact]
    public async Task WeavrCall_TokenSourceOutlivesTheTotalTimeout_TimesOutAsNothingSentWithoutAnAttemptTimeout()
    {
        await using var server = new HostileServer(_ => Faults.Ok(EndpointKind.WeavrGet));
        var time = new TimerRecordingTimeProvider();
        using var host = FaultMatrixTests.CreateHost(server.BaseUrl, time);
        host.Services.AddSingleton<IWeavrTokenSource, NeverReadyTokenSource>();

        var call = host.Provider.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync();
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(25)); // only the total timeout is armed while the token is awaited
        time.Advance(TimeSpan.FromSeconds(25));

        var ex = await Assert.ThrowsAsync<AuthClientTimeoutException>(() => call);
        Assert.False(ex.OutcomeUnknown, ex.Message);
        Assert.Empty(server.Requests);
        Assert.DoesNotContain(TimeSpan.FromSeconds(10), time.DueTimes); // no attempt timeout ran around the token
    }

    [Fact]
    public async Task BodyStalls_CallerCancels_TheCallerWinsWithTheirOwnCancellation()
    {
        await using var server = new HostileServer(_ => Faults.HeadersThenStall(200));
        using var host = FaultMatrixTests.CreateHost(server.BaseUrl, new TimerRecordingTimeProvider());
        using var caller = new CancellationTokenSource();

        var call = host.Provider.GetRequiredService<IWeavrAuthClient>().GetIdentitiesAsync(options: WeavrCallOptions.WithToken(EndpointKind.Bearer), cancellationToken: caller.Token);
        await server.WaitForStallAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync(); // the fake clock never moves: only the caller's token can end the call

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(caller.Token, ex.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CallContext_ReusedForASecondCall_GetsAFreshIdempotencyRefUnlessTheCallerSetsOne()
    {
        await using var server = new HostileServer(_ => Faults.Status(200, """{"id":"1"}"""));
        using var host = FaultMatrixTests.CreateHost(server.BaseUrl, new TimerRecordingTimeProvider());
        var api = host.Provider.GetRequiredService<IWeavrApi>();
        var context = new WeavrCallContext { Token = EndpointKind.Bearer };

        await api.StartPushStepUpAsync("AUTHY", context);
        var first = context.IdempotencyRef;
        await api.StartPushStepUpAsync("AUTHY", context);
        var second = context.IdempotencyRef;
        context.IdempotencyRef = first; // a deliberate replay
        await api.StartPushStepUpAsync("AUTHY", context);

        var sent = server.Requests.Select(r => r.Header("idempotency-ref")).ToList();
        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        Assert.Equal([first, second, first], sent);
    }

    [Fact]
    public async Task EveryRequestOfBothApis_CarriesTheSdkUserAgent()
    {
        await using var server = new HostileServer(r =>
            r.Path == EndpointKind.TransmitToken.Path ? Faults.Ok(EndpointKind.TransmitToken)
            : r.Path == EndpointKind.TransmitCall.Path ? Faults.Ok(EndpointKind.TransmitCall)
            : Faults.Status(204));
        using var host = FaultMatrixTests.CreateHost(server.BaseUrl, new TimerRecordingTimeProvider());

        await host.Provider.GetRequiredService<ITransmitBiometricsClient>().StartAsync(BiometricsStartRequest.ForUser("user-1"));
        await host.Provider.GetRequiredService<IWeavrAuthClient>().LogoutAsync(WeavrCallOptions.WithToken(EndpointKind.Bearer));

        var expected = $"AuthClient/{AuthClientUserAgent.Version} (.NET {Environment.Version})";
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(expected, r.Header("user-agent")));
        Assert.Matches(@"^\d+\.\d+\.\d+", AuthClientUserAgent.Version);
    }

    [Theory]
    [InlineData(1500, true)]
    [InlineData(3000, false)]
    public async Task MaxResponseBytes_IsConfigurable(int bodyBytes, bool read)
    {
        var body = $$"""{"identities":[],"count":0,"responseCount":0,"pad":"{{new string('x', bodyBytes - 60)}}"}""";
        await using var server = new HostileServer(_ => Faults.Status(200, body));
        using var host = new AuthClientTestHost(baseUrl: new Uri(server.BaseUrl, "/multi"), configure: o => o.Resilience.MaxResponseBytes = 2048);

        var call = host.Weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t")));

        if (read)
        {
            await call;
        }
        else
        {
            var ex = await Assert.ThrowsAsync<AuthClientInvalidResponseException>(() => call);
            Assert.Contains("2,048 bytes", ex.Message, StringComparison.Ordinal);
        }
    }

    private sealed class NeverReadyTokenSource : IWeavrTokenSource
    {
        public async ValueTask<Secret?> GetTokenAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
