using AuthClient.Benchmarks.Floor;
using AuthClient.Benchmarks.Raw;
using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// Login → identities → OTP verify over Kestrel on 127.0.0.1 (<see cref="CannedKestrelServer"/>, started in this
/// process), through the SDK and through a raw <see cref="HttpClient"/> + source-generated JSON, from 1 and 64
/// concurrent callers. One operation is one round of the three calls, so throughput is <c>1 / Mean</c> rounds per second.
/// </summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    /// <summary>Rounds per invocation, split over the callers.</summary>
    private const int Rounds = 256;

    private CannedKestrelServer _server = null!;
    private ServiceProvider _services = null!;
    private IWeavrAuthClient _client = null!;
    private HttpClient _rawHttp = null!;
    private RawCalls _raw = null!;
    private FloorCalls _floor = null!;

    /// <summary>Gets or sets how many callers run at once.</summary>
    [Params(1, 64)]
    public int Callers { get; set; }

    /// <summary>Starts the server, wires both clients to it and runs each once (fail fast, warm connections).</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await CannedKestrelServer.StartAsync();
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = _server.BaseUrl;
            o.Weavr.ApiKey = "bench-api-key";
        });
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IWeavrAuthClient>();
        _rawHttp = RawCalls.CreateClient(_server.BaseUrl, "bench-api-key");
        _raw = new RawCalls(_rawHttp);
        _floor = new FloorCalls(_server.BaseUrl, "bench-api-key", new SocketsHttpHandler(), withPolly: true);
        await LoopbackCalls.RunSdkAsync(_client);
        await _raw.RunAsync();
        await _floor.RunAsync();
    }

    /// <summary>The three calls with a raw <see cref="HttpClient"/>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds)]
    public Task Raw() => LoopbackCalls.FanOutAsync(Callers, Rounds, _raw.RunAsync);

    /// <summary>The three calls through the fixed design's floor: Refit behind the SDK's call-stage strategies in Polly.</summary>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public Task RefitPolly() => LoopbackCalls.FanOutAsync(Callers, Rounds, _floor.RunAsync);

    /// <summary>The three calls through <see cref="IWeavrAuthClient"/>.</summary>
    [Benchmark(OperationsPerInvoke = Rounds)]
    public Task Sdk() => LoopbackCalls.FanOutAsync(Callers, Rounds, () => LoopbackCalls.RunSdkAsync(_client));

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _rawHttp.Dispose();
        _floor.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }
}
