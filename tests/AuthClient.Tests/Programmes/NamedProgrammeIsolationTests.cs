using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.Programmes;

/// <summary>
/// Two named programmes in one container, each with its own loopback server, api key, Transmit credentials and tokens:
/// everything sent through one programme reaches only its server and carries only its secrets.
/// </summary>
public sealed class NamedProgrammeIsolationTests : IDisposable
{
    private const string Email = "ada@example.com";
    private const string Password = "Secr3t!pass";

    private readonly ProgrammeServer _a = new("a");
    private readonly ProgrammeServer _b = new("b");
    private readonly ServiceProvider _provider;

    public NamedProgrammeIsolationTests()
    {
        var services = new ServiceCollection();
        services.AddAuthClient("programme-a", o => Configure(o, _a)).AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        services.AddAuthClient("programme-b", o => Configure(o, _b)).AddSessions(o => o.StepUpMethod = StepUpMethod.Push);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task WeavrCalls_EachProgramme_ReachOnlyItsServerWithOnlyItsApiKeyAndToken()
    {
        foreach (var (programme, server) in Programmes())
        {
            var weavr = _provider.GetRequiredKeyedService<IWeavrAuthClient>(programme);
            var login = await weavr.LoginWithPasswordAsync(Email, Password);
            var identities = await weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(login.Value.Token));
            Assert.Single(identities.Value.Identities);
        }

        foreach (var (_, server) in Programmes())
        {
            Assert.Equal(["/multi/login_with_password", "/multi/identities"], server.Requests.Select(e => e.RequestMessage!.Path));
            Assert.All(server.Requests, e => Assert.Equal(server.ApiKey, ProgrammeServer.Header(e, "api-key")));
            Assert.Null(ProgrammeServer.Header(server.Requests[0], "Authorization"));
            Assert.Equal("Bearer " + server.AuthToken, ProgrammeServer.Header(server.Requests[1], "Authorization"));
        }

        AssertNoSecretCrossed();
    }

    [Fact]
    public async Task Sessions_OfEachProgramme_SendOnlyItsOwnTokens_AndLiveInItsOwnStore()
    {
        var registryA = _provider.GetRequiredKeyedService<IWeavrSessionRegistry>("programme-a");
        var registryB = _provider.GetRequiredKeyedService<IWeavrSessionRegistry>("programme-b");

        // The same user key in both programmes: two sessions, never one shared.
        var sessionA = await registryA.SignInWithPasswordAsync("user-1", Email, Password);
        var sessionB = await registryB.SignInWithPasswordAsync("user-1", Email, Password);
        var factorsA = await sessionA.GetAuthenticationFactorsAsync();
        var factorsB = await sessionB.GetAuthenticationFactorsAsync();

        Assert.NotSame(registryA, registryB);
        Assert.NotSame(sessionA, sessionB);
        Assert.Equal(WeavrSessionState.Access, sessionA.State);
        Assert.Equal(WeavrSessionState.Access, sessionB.State);
        Assert.Single(factorsA);
        Assert.Single(factorsB);
        Assert.Same(sessionA, await registryA.FindAsync("user-1"));
        Assert.Same(sessionB, await registryB.FindAsync("user-1"));
        var storeA = _provider.GetRequiredKeyedService<IWeavrSessionStore>("programme-a");
        var storeB = _provider.GetRequiredKeyedService<IWeavrSessionStore>("programme-b");
        Assert.NotSame(storeA, storeB);
        Assert.NotNull(await storeA.GetAsync("user-1", CancellationToken.None));
        Assert.NotNull(await storeB.GetAsync("user-1", CancellationToken.None));
        foreach (var (_, server) in Programmes())
        {
            Assert.Equal(
                ["/multi/login_with_password", "/multi/identities", "/multi/access_token", "/multi/authentication_factors"],
                server.Requests.Select(e => e.RequestMessage!.Path));
            Assert.All(server.Requests, e => Assert.Equal(server.ApiKey, ProgrammeServer.Header(e, "api-key")));
            Assert.Equal("Bearer " + server.AccessToken, ProgrammeServer.Header(server.Requests[3], "Authorization"));
        }

        AssertNoSecretCrossed();
    }

    [Fact]
    public async Task Transmit_EachProgramme_FetchesItsOwnClientTokenFromItsOwnServer()
    {
        var startA = await _provider.GetRequiredKeyedService<ITransmitBiometricsClient>("programme-a").StartAsync(BiometricsStartRequest.ForUser("user-1"));
        var startB = await _provider.GetRequiredKeyedService<ITransmitBiometricsClient>("programme-b").StartAsync(BiometricsStartRequest.ForUser("user-1"));

        Assert.Equal("challenge-a", startA.Challenge);
        Assert.Equal("challenge-b", startB.Challenge);
        Assert.NotSame(
            _provider.GetRequiredKeyedService<ITransmitClientTokenProvider>("programme-a"),
            _provider.GetRequiredKeyedService<ITransmitClientTokenProvider>("programme-b"));
        foreach (var (_, server) in Programmes())
        {
            Assert.Equal(["/oidc/token", "/cis/v1/auth/mobile-biometrics/start"], server.Requests.Select(e => e.RequestMessage!.Path));
        }

        AssertNoSecretCrossed();
    }

    [Fact]
    public async Task Resilience_EachProgramme_RetriesByItsOwnOptions()
    {
        // Programme a never retries, b retries twice: the same 503 to a GET costs a one request and b three.
        using var a = new ProgrammeServer("retry-a");
        using var b = new ProgrammeServer("retry-b");
        foreach (var server in new[] { a, b })
        {
            server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/multi/identities").UsingGet())
                .AtPriority(0).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503));
        }

        var services = new ServiceCollection();
        services.AddAuthClient("retry-a", o => Configure(o, a));
        services.AddAuthClient("retry-b", o =>
        {
            Configure(o, b);
            o.Resilience.MaxRetryAttempts = 2;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        foreach (var programme in new[] { "retry-a", "retry-b" })
        {
            await Assert.ThrowsAnyAsync<global::AuthClient.Errors.AuthClientException>(
                () => provider.GetRequiredKeyedService<IWeavrAuthClient>(programme).GetIdentitiesAsync(options: WeavrCallOptions.WithToken("token")));
        }

        Assert.Single(a.Requests);
        Assert.Equal(3, b.Requests.Count);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _a.Dispose();
        _b.Dispose();
    }

    internal static void Configure(AuthClientOptions o, ProgrammeServer server)
    {
        o.Weavr.BaseUrl = server.WeavrUrl;
        o.Weavr.ApiKey = server.ApiKey;
        o.Transmit.BaseUrl = server.TransmitUrl;
        o.Transmit.ClientId = server.ClientId;
        o.Transmit.ClientSecret = server.ClientSecret;
        o.Resilience.MaxRetryAttempts = 0;
    }

    private IEnumerable<(string Programme, ProgrammeServer Server)> Programmes() => [("programme-a", _a), ("programme-b", _b)];

    private void AssertNoSecretCrossed()
    {
        foreach (var (mine, theirs) in new[] { (_a, _b), (_b, _a) })
        {
            var received = mine.Everything();
            foreach (var secret in new[] { theirs.ApiKey, theirs.AuthToken, theirs.AccessToken, theirs.ClientSecret, theirs.ClientToken })
            {
                Assert.DoesNotContain(secret, received, StringComparison.Ordinal);
            }
        }
    }
}
