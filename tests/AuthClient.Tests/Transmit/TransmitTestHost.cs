using AuthClient.DependencyInjection;
using AuthClient.Tests.Support;
using AuthClient.Transmit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Transmit;

/// <summary>
/// A WireMock server on 127.0.0.1 playing Transmit (API under <c>/cis</c>, token endpoint at the root), and a service
/// provider built by the real <c>AddAuthClient</c> with a <see cref="FakeTimeProvider"/> and a Trace-level fake logger.
/// </summary>
internal sealed class TransmitTestHost : IDisposable
{
    public const string ClientId = "client-id-123";
    public const string ClientSecret = "cl13nt-s3cr3t-value";
    public const string ClientToken1 = "client-token-one-AAA";
    public const string ClientToken2 = "client-token-two-BBB";
    public const string ApiPrefix = "/cis";
    public const string TokenPath = "/oidc/token";
    public const string StartPath = "/cis/v1/auth/mobile-biometrics/start";
    public const string AuthenticatePath = "/cis/v1/auth/mobile-biometrics/authenticate";
    public const string RegisterPath = "/cis/v1/auth/mobile-biometrics/register";
    public const string DeletePath = "/cis/v1/auth/mobile-biometrics/delete";

    private readonly AuthClientTestHost _host;

    public TransmitTestHost(Action<TransmitOptions>? configure = null, string basePath = ApiPrefix)
    {
        var server = Loopback.StartServer();
        _host = new AuthClientTestHost(
            server,
            ownsServer: true,
            apiKey: "weavr-api-key-unused",
            captureLogs: true,
            retries: true,
            configure: o =>
            {
                o.Transmit.BaseUrl = new Uri(server.Url + basePath);
                o.Transmit.ClientId = ClientId;
                o.Transmit.ClientSecret = ClientSecret;
                o.Resilience.BaseDelay = TimeSpan.Zero;
                configure?.Invoke(o.Transmit);
            });
    }

    public WireMockServer Server => _host.Server;

    public FakeTimeProvider Time => (FakeTimeProvider)_host.Time;

    public FakeLogCollector Logs => _host.Logs;

    public AuthClientBuilder Builder => _host.Builder;

    public IServiceCollection Services => _host.Services;

    public IServiceProvider Provider => _host.Provider;

    public ITransmitBiometricsClient Client => Provider.GetRequiredService<ITransmitBiometricsClient>();

    public ITransmitClientTokenProvider TokenProvider => Provider.GetRequiredService<ITransmitClientTokenProvider>();

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Path == path).OrderBy(e => e.RequestMessage!.DateTime)];

    public IReadOnlyList<ILogEntry> TokenRequests => Requests(TokenPath);

    /// <summary>Answers the token endpoint with <paramref name="token"/>, valid <paramref name="expiresIn"/> seconds.</summary>
    public void GivenToken(string token = ClientToken1, int expiresIn = 3600) =>
        Server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(TokenResponse(token, expiresIn));

    /// <summary>Answers the token endpoint with <see cref="ClientToken1"/> first, then <see cref="ClientToken2"/> for ever after.</summary>
    public void GivenTwoTokens(int expiresIn = 3600)
    {
        Server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .InScenario("token").WillSetStateTo("second")
            .RespondWith(TokenResponse(ClientToken1, expiresIn));
        Server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .InScenario("token").WhenStateIs("second")
            .RespondWith(TokenResponse(ClientToken2, expiresIn));
    }

    public void GivenStart(string challenge = "challenge-xyz") =>
        Server.Given(Request.Create().WithPath(StartPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"challenge":"{{challenge}}"}"""));

    public static IResponseBuilder TokenResponse(string token, int expiresIn) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{expiresIn}},"scope":""}""");

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Every log record's rendered message and structured values, for secret scans.</summary>
    public string AllLogText() => _host.AllLogText();

    public void Dispose() => _host.Dispose();
}
