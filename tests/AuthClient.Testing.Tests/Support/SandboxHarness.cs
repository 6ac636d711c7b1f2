using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Testing.Tests.Support;

/// <summary>A sandbox on a fake clock, the SDK wired to it through DI with the same clock, and a raw HTTP client.</summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private SandboxHarness(FakeTimeProvider time, WeavrSandbox sandbox, ServiceProvider services)
    {
        Time = time;
        Sandbox = sandbox;
        Services = services;
        Client = services.GetRequiredService<IWeavrAuthClient>();
        Raw = new RawClient(sandbox);
    }

    public FakeTimeProvider Time { get; }

    public WeavrSandbox Sandbox { get; }

    public ServiceProvider Services { get; }

    public IWeavrAuthClient Client { get; }

    public RawClient Raw { get; }

    public static async Task<SandboxHarness> StartAsync(Action<SandboxBuilder> configure, Action<AuthClientOptions>? client = null)
    {
        var time = new FakeTimeProvider(Start);
        var sandbox = await WeavrSandbox.StartAsync(b =>
        {
            b.WithTimeProvider(time);
            configure(b);
        });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = new Uri(sandbox.WeavrBaseUrl);
            o.Weavr.ApiKey = sandbox.ApiKey;
            o.Resilience.MaxRetryAttempts = 0; // Each test sees the sandbox's answer; retries are tested on purpose.
            client?.Invoke(o);
        });
        return new SandboxHarness(time, sandbox, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
