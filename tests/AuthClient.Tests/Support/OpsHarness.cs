using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Tests.Support;

/// <summary>
/// AuthClient wired exactly as an application wires it (<c>AddAuthClient</c>), pointed at a loopback URL, with an
/// <see cref="OpsTimeProvider"/> as the <see cref="TimeProvider"/> and an attempt counter as the innermost handler.
/// </summary>
internal sealed class OpsHarness : IDisposable
{
    public const string ApiKey = "ops-test-api-key";

    private OpsHarness(ServiceProvider services, OpsTimeProvider time, OpsAttemptCounter attempts)
    {
        Services = services;
        Time = time;
        Attempts = attempts;
    }

    public ServiceProvider Services { get; }

    public OpsTimeProvider Time { get; }

    public OpsAttemptCounter Attempts { get; }

    public IWeavrAuthClient Weavr => Services.GetRequiredService<IWeavrAuthClient>();

    public IWeavrApi Api => Services.GetRequiredService<IWeavrApi>();

    public static OpsHarness Create(
        Uri baseUrl,
        Action<AuthClientOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var time = new OpsTimeProvider();
        var attempts = new OpsAttemptCounter();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        services?.Invoke(collection);
        collection
            .AddAuthClient(o =>
            {
                o.Weavr.BaseUrl = baseUrl;
                o.Weavr.ApiKey = ApiKey;
                o.Resilience.UseJitter = false; // Deterministic delays: BaseDelay, then doubling.
                configure?.Invoke(o);
            })
            .WeavrHttpClient.AddHttpMessageHandler(attempts.CreateHandler);
        return new OpsHarness(collection.BuildServiceProvider(validateScopes: true), time, attempts);
    }

    public void Dispose() => Services.Dispose();
}
