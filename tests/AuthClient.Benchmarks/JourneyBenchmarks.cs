using AuthClient.DependencyInjection;
using AuthClient.Testing;
using AuthClient.Weavr;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks;

/// <summary>
/// One password login → identities → ACCESS token → OTP step-up journey (5 HTTP calls) against the emulator on
/// 127.0.0.1, through the SDK and through a bare <see cref="HttpClient"/>. The emulator runs in this process, so both
/// numbers include its work (and <c>Allocated</c> its allocations); the difference is the SDK's overhead.
/// </summary>
[MemoryDiagnoser]
public class JourneyBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    private WeavrSandbox _sandbox = null!;
    private ServiceProvider _services = null!;
    private IWeavrAuthClient _client = null!;
    private RawJourney _raw = null!;

    /// <summary>Starts the emulator with one SMS-enrolled user and wires the SDK to it; runs each journey once.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _sandbox = await WeavrSandbox.StartAsync(b => b
            .WithUser(u => u.Email(SdkJourney.Email).Password(SdkJourney.Password).WithSms())
            .WithRequestLogLimit(0)); // The request log is for tests; keeping it would measure WireMock's bookkeeping.
        var services = new ServiceCollection();
        services.AddAuthClient(_sandbox.ConfigureAuthClient);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IWeavrAuthClient>();
        _raw = new RawJourney(_sandbox.WeavrBaseUrl, _sandbox.ApiKey);

        // Fail fast (and warm the connection pools) if either path is broken.
        await SdkJourney.RunAsync(_client);
        await _raw.RunAsync();
    }

    /// <summary>The journey through <see cref="IWeavrAuthClient"/>.</summary>
    [Benchmark(Baseline = true)]
    public Task Sdk() => SdkJourney.RunAsync(_client);

    /// <summary>The same five calls with a bare <see cref="HttpClient"/>.</summary>
    [Benchmark]
    public Task RawHttpClient() => _raw.RunAsync();

    /// <summary>Stops the emulator.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }
}
