using AuthClient.DependencyInjection;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.DependencyInjection;

public sealed class AuthClientHostTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Create_LoginAndListIdentities_GoThroughTheFullPipeline()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("request-ref", "rr-login")
                .WithBody("""{"token":"host-token","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"42"},"credentials":{"type":"ROOT","id":"7"}}"""));
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet().WithHeader("Authorization", "Bearer host-token"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"identities":[{"id":{"type":"CONSUMER","id":"42"},"name":"Ada"}],"count":1,"responseCount":1}"""));
        await using var host = AuthClientHost.Create(o =>
        {
            o.Weavr.BaseUrl = _server.MultiUrl();
            o.Weavr.ApiKey = "host-key";
        });

        var login = await host.Weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        var identities = await host.Weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(login.Value.Token));

        Assert.Equal("rr-login", login.RequestRef);
        Assert.Equal("Ada", Assert.Single(identities.Value.Identities).Name);
        Assert.All(_server.LogEntries, e => Assert.Equal(["host-key"], e.RequestMessage!.Headers!["api-key"]));
    }

    [Fact]
    public async Task Create_WithServices_RetriesOnTheRegisteredTimeProviderAndRunsUserHandlers()
    {
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost().WithHeader(AttemptCounter.Header, "1"))
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost().WithHeader(AttemptCounter.Header, "2"))
            .RespondWith(Response.Create().WithStatusCode(204));
        var time = new TimerRecordingTimeProvider();
        var counter = new AttemptCounter();
        await using var host = AuthClientHost.Create(
            o =>
            {
                o.Weavr.BaseUrl = _server.MultiUrl();
                o.Weavr.ApiKey = "host-key";
                o.Resilience.UseJitter = false;
            },
            b =>
            {
                b.Services.AddSingleton<TimeProvider>(time);
                b.WeavrHttpClient.AddHttpMessageHandler(counter.CreateHandler);
            });

        var call = host.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WeavrCallOptions.WithToken(new Secret("t")));
        await time.WaitForTimerAsync(TimeSpan.FromMilliseconds(200));
        Assert.Single(_server.LogEntries);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var result = await call;

        Assert.Equal(2, _server.LogEntries.Count());
        Assert.NotNull(result.IdempotencyRef);
    }

    [Fact]
    public async Task WeavrApi_IsTheRawClientOverTheSamePipeline()
    {
        _server.Given(Request.Create().WithPath("/multi/authentication_factors").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errorCode":"STEP_UP_REQUIRED"}"""));
        await using var host = AuthClientHost.Create(o =>
        {
            o.Weavr.BaseUrl = _server.MultiUrl();
            o.Weavr.ApiKey = "host-key";
        });
        var context = new WeavrCallContext { Token = new Secret("t") };

        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => host.WeavrApi.GetAuthenticationFactorsAsync(context));

        Assert.True(ex.IsStepUpRequired);
        Assert.Equal(1, context.Attempts);
        Assert.NotNull(host.Services.GetService<IWeavrApi>());
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsAtOnceWithEveryMessage()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => AuthClientHost.Create(o =>
        {
            o.Weavr.BaseUrl = new Uri("http://example.com/multi");
            o.Resilience.AttemptTimeout = TimeSpan.Zero;
        }));

        Assert.Contains(ex.Failures, f => f.StartsWith("Weavr.BaseUrl must use https", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Weavr.ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Resilience.AttemptTimeout must be at least 10 ms", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_NullConfigure_Throws() =>
        Assert.Throws<ArgumentNullException>("configure", () => AuthClientHost.Create(null!));

    [Fact]
    public void Dispose_ThenResolve_ThrowsObjectDisposed()
    {
        var host = AuthClientHost.Create(o => o.Weavr.ApiKey = "k");
        host.Dispose();

        Assert.Throws<ObjectDisposedException>(() => host.Weavr);
    }
}
