using AuthClient.DependencyInjection;
using AuthClient.Testing;
using AuthClient.Weavr;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks.Emulator;

/// <summary>
/// How many full journeys a second (password login → identities → ACCESS token → SMS OTP step-up, 5 calls) the
/// <see cref="WeavrSandbox"/> emulator serves on 127.0.0.1 from 1 to 16 concurrent clients, through the SDK and through a
/// bare <see cref="HttpClient"/>. Client and emulator share this process (and its cores). One operation is one journey,
/// so throughput is <c>1 / Mean</c> journeys per second.
/// </summary>
[MemoryDiagnoser]
public class EmulatorThroughputBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    /// <summary>Journeys per invocation, split over the clients.</summary>
    private const int Journeys = 64;

    private WeavrSandbox _sandbox = null!;
    private ServiceProvider _services = null!;
    private IWeavrAuthClient _client = null!;
    private RawJourney _raw = null!;

    /// <summary>Gets or sets how many clients run journeys at once.</summary>
    [Params(1, 2, 4, 8, 16)]
    public int Clients { get; set; }

    /// <summary>Starts the emulator with one SMS-enrolled user and wires both clients to it; runs each journey once.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _sandbox = await WeavrSandbox.StartAsync(b => b
            .WithUser(u => u.Email(SdkJourney.Email).Password(SdkJourney.Password).WithSms())
            .WithRequestLogLimit(0));
        var services = new ServiceCollection();
        services.AddAuthClient(_sandbox.ConfigureAuthClient);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IWeavrAuthClient>();
        _raw = new RawJourney(_sandbox.WeavrBaseUrl, _sandbox.ApiKey);
        await SdkJourney.RunAsync(_client);
        await _raw.RunAsync();
    }

    /// <summary>Journeys through the SDK.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Journeys)]
    public Task Sdk() => Loopback.LoopbackCalls.FanOutAsync(Clients, Journeys, () => SdkJourney.RunAsync(_client));

    /// <summary>Journeys through a bare <see cref="HttpClient"/> (the emulator's share without the SDK's).</summary>
    [Benchmark(OperationsPerInvoke = Journeys)]
    public Task Raw() => Loopback.LoopbackCalls.FanOutAsync(Clients, Journeys, _raw.RunAsync);

    /// <summary>Stops the emulator.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }
}
