using AuthClient.DependencyInjection;
using AuthClient.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

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
        Server = Loopback.StartServer();
    }

    public WireMockServer Server { get; }

    public Uri BaseUrl => new(Server.Url + BasePath);

    /// <summary>Forgets every mapping, scenario and logged request.</summary>
    public void Reset() => Server.Reset();

    /// <summary>
    /// Builds a client through <c>AddAuthClient</c>. Retries are off unless <paramref name="configure"/> turns them on,
    /// so an error status reaches the caller after exactly one request. The clock is the system's unless
    /// <paramref name="services"/> registers another.
    /// </summary>
    public AuthClientTestHost CreateClient(
        Action<AuthClientOptions>? configure = null,
        IWeavrTokenSource? tokenSource = null,
        Action<IServiceCollection>? services = null) =>
        new(
            Server,
            apiKey: ApiKey,
            time: TimeProvider.System,
            services: s =>
            {
                s.AddSingleton(tokenSource ?? new StaticWeavrTokenSource(AmbientToken));
                services?.Invoke(s);
            },
            configure: o =>
            {
                o.Resilience.BaseDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            });

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
}
