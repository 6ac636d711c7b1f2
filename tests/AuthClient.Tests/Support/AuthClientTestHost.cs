using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;

namespace AuthClient.Tests.Support;

/// <summary>
/// AuthClient wired exactly as an application wires it (<c>AddAuthClient</c>), for one test: Weavr at
/// <c>{server}/multi</c> on a loopback WireMock server (or at a given URL), a fake clock as the DI
/// <see cref="TimeProvider"/>, optionally every log record captured at Trace, and no retries unless asked for. The
/// provider is built on first use, so a test may still add registrations to <see cref="Services"/>.
/// </summary>
public sealed class AuthClientTestHost : IDisposable
{
    public const string DefaultApiKey = "test-api-key";

    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly WireMockServer? _server;
    private readonly bool _ownsServer;
    private readonly object _gate = new(); // Not System.Threading.Lock: the suites also run on net8.0.
    private ServiceProvider? _provider;

    /// <param name="server">The WireMock server playing Weavr; stopped on dispose when <paramref name="ownsServer"/>.</param>
    /// <param name="ownsServer">Whether this host stops <paramref name="server"/> when disposed.</param>
    /// <param name="baseUrl">The Weavr base URL when it is not <c>{server}/multi</c> (a closed port, say).</param>
    /// <param name="apiKey">The Weavr api key.</param>
    /// <param name="time">The DI clock; a <see cref="FakeTimeProvider"/> at <see cref="DefaultStart"/> when null.</param>
    /// <param name="captureLogs">Every logger at Trace, recorded in <see cref="Logs"/>.</param>
    /// <param name="retries">
    /// False: no retries, so request counts are exact. True: the default retries without jitter, so delays are exact.
    /// </param>
    /// <param name="services">Registrations made before <c>AddAuthClient</c>, so they win over its defaults.</param>
    /// <param name="configure">Runs last on the options.</param>
    /// <param name="build">Extends the builder: <c>AddSessions</c>, <c>AddWebhooks</c>, extra handlers.</param>
    public AuthClientTestHost(
        WireMockServer? server = null,
        bool ownsServer = false,
        Uri? baseUrl = null,
        string apiKey = DefaultApiKey,
        TimeProvider? time = null,
        bool captureLogs = false,
        bool retries = false,
        Action<IServiceCollection>? services = null,
        Action<AuthClientOptions>? configure = null,
        Action<AuthClientBuilder>? build = null)
    {
        _server = server;
        _ownsServer = ownsServer;
        Time = time ?? new FakeTimeProvider(DefaultStart);
        Services.AddSingleton(Time);
        if (captureLogs)
        {
            Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        }

        services?.Invoke(Services);
        var weavrUrl = baseUrl ?? server?.MultiUrl();
        Builder = Services.AddAuthClient(o =>
        {
            if (weavrUrl is not null)
            {
                o.Weavr.BaseUrl = weavrUrl;
            }

            o.Weavr.ApiKey = apiKey;
            if (retries)
            {
                o.Resilience.UseJitter = false;
            }
            else
            {
                o.Resilience.MaxRetryAttempts = 0;
            }

            configure?.Invoke(o);
        });
        build?.Invoke(Builder);
    }

    /// <summary>Gets the WireMock server this host was given.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException("This host was given no WireMock server.");

    public TimeProvider Time { get; }

    /// <summary>Gets the log records, when the host captures logs.</summary>
    public FakeLogCollector Logs { get; } = new();

    public IServiceCollection Services { get; } = new ServiceCollection();

    public AuthClientBuilder Builder { get; }

    /// <summary>Gets the provider, built once on first use (tests may race to it from several threads).</summary>
    public ServiceProvider Provider
    {
        get
        {
            lock (_gate)
            {
                return _provider ??= Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            }
        }
    }

    public IWeavrAuthClient Weavr => Provider.GetRequiredService<IWeavrAuthClient>();

    public IWeavrApi Api => Provider.GetRequiredService<IWeavrApi>();

    /// <summary>Every log record's rendered message, structured values and exception, for secret scans.</summary>
    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r =>
        r.Message + " | " + string.Join(", ", r.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? []) + " | " + r.Exception));

    public void Dispose()
    {
        lock (_gate)
        {
            _provider?.Dispose();
        }

        if (_ownsServer)
        {
            _server?.Stop();
            _server?.Dispose();
        }
    }
}
