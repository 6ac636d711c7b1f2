using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Polly.Telemetry;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Telemetry;

/// <summary>
/// AuthClient's Polly pipelines use the application's <see cref="TelemetryOptions"/> when it configured them, and
/// Polly's defaults (with the application's logging) when it did not.
/// </summary>
public sealed class PollyTelemetryOptionsTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();

    public void Dispose() => _server.Stop();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplicationsTelemetryListener_SeesTheCallStagesEvents(bool postConfigure)
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"identities":[],"count":0,"responseCount":0}"""));
        var listener = new RecordingTelemetryListener();
        void AddListener(TelemetryOptions o) => o.TelemetryListeners.Add(listener);
        using var host = new AuthClientTestHost(
            _server, services: s => _ = postConfigure ? s.PostConfigure<TelemetryOptions>(AddListener) : s.Configure<TelemetryOptions>(AddListener));

        await host.Weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret("t")));

        Assert.Contains(listener.Pipelines, name => name == "AuthClient.Weavr-AuthClient.Weavr");
    }
}
