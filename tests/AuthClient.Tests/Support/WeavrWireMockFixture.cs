using System.Net;
using System.Net.Sockets;
using AuthClient.DependencyInjection;
using AuthClient.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AuthClient.Tests.Support;

/// <summary>
/// One WireMock server bound to 127.0.0.1 for a test class (xUnit runs the tests of a class one at a time, so each
/// test calls <see cref="Reset"/> first), plus a factory for DI-built clients pointing at <c>{server}/multi</c>.
/// </summary>
public sealed class WeavrWireMockFixture : IDisposable
{
    /// <summary>The api key every client built here sends.</summary>
    public const string ApiKey = "wm-test-api-key-4f1c";

    /// <summary>The Multi base path under the server root, as in <c>https://sandbox.weavr.io/multi</c>.</summary>
    public const string BasePath = "/multi";

    /// <summary>The token the application-wide token source answers, unless a test registers another.</summary>
    public const string AmbientToken = "ambient-token-from-source";

    public WeavrWireMockFixture()
    {
        Server = StartOnLoopback();
    }

    public WireMockServer Server { get; }

    public Uri BaseUrl => new(Server.Url + BasePath);

    /// <summary>Forgets every mapping, scenario and logged request.</summary>
    public void Reset() => Server.Reset();

    /// <summary>
    /// Builds a client through <c>AddAuthClient</c>. Retries are off unless <paramref name="configure"/> turns them on,
    /// so an error status reaches the caller after exactly one request.
    /// </summary>
    public WeavrTestClient CreateClient(
        Action<AuthClientOptions>? configure = null,
        IWeavrTokenSource? tokenSource = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(tokenSource ?? new StaticWeavrTokenSource(AmbientToken));
        collection.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = BaseUrl;
            o.Weavr.ApiKey = ApiKey;
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        return new WeavrTestClient(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    /// <summary>
    /// Answers <paramref name="method"/> <c>{BasePath}</c><paramref name="path"/> (any headers, any body: the tests assert
    /// on what was received instead, for precise failure messages) with <paramref name="status"/>, a JSON
    /// <paramref name="body"/> and <paramref name="headers"/>.
    /// </summary>
    public void Given(string method, string path, int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        Server.Given(Request.Create().WithPath(BasePath + path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Returns the one request the server received, failing when there were more or fewer, or it matched no mapping.</summary>
    public IRequestMessage SingleRequest()
    {
        var entries = Server.LogEntries.ToList();
        var entry = Assert.Single(entries);
        AssertMatched(entry);
        return entry.RequestMessage!;
    }

    /// <summary>Returns every request the server received, failing when one matched no mapping.</summary>
    public IReadOnlyList<IRequestMessage> Requests()
    {
        var entries = Server.LogEntries.ToList();
        foreach (var entry in entries)
        {
            AssertMatched(entry);
        }

        return [.. entries.Select(e => e.RequestMessage!)];
    }

    public void Dispose() => Server.Stop();

    private static void AssertMatched(ILogEntry entry) =>
        Assert.True(
            entry.MappingGuid is not null,
            $"WireMock received an unmatched request: {entry.RequestMessage?.Method} {entry.RequestMessage?.Url}");

    private static WireMockServer StartOnLoopback()
    {
        // WireMock's default binds every interface; tests talk to 127.0.0.1 only. A free port can be taken between
        // probing and binding, so try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
            }
            catch (Exception) when (attempt < 5)
            {
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
