using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace AuthClient.Tests.Support;

/// <summary>
/// An <see cref="AuthClientTestHost"/> with retries on (no jitter), a <see cref="TimerRecordingTimeProvider"/> as the
/// clock and an <see cref="AttemptCounter"/> as the innermost handler: for tests of the resilience pipeline.
/// </summary>
internal sealed class RetryingTestHost : IDisposable
{
    public const string ApiKey = "ops-test-api-key";

    private readonly AuthClientTestHost _host;

    private RetryingTestHost(AuthClientTestHost host, TimerRecordingTimeProvider time, AttemptCounter attempts)
    {
        _host = host;
        Time = time;
        Attempts = attempts;
    }

    public ServiceProvider Services => _host.Provider;

    public TimerRecordingTimeProvider Time { get; }

    public AttemptCounter Attempts { get; }

    public FakeLogCollector Logs => _host.Logs;

    public IWeavrAuthClient Weavr => _host.Weavr;

    public IWeavrApi Api => _host.Api;

    public static RetryingTestHost Create(
        Uri baseUrl,
        Action<AuthClientOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        bool captureLogs = false)
    {
        var time = new TimerRecordingTimeProvider();
        var attempts = new AttemptCounter();
        var host = new AuthClientTestHost(
            baseUrl: baseUrl,
            apiKey: ApiKey,
            time: time,
            captureLogs: captureLogs,
            retries: true,
            services: services,
            configure: configure,
            build: b => b.WeavrHttpClient.AddHttpMessageHandler(attempts.CreateHandler));
        return new RetryingTestHost(host, time, attempts);
    }

    public void Dispose() => _host.Dispose();
}
