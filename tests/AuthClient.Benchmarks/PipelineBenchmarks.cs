using AuthClient.Weavr;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks;

/// <summary>
/// The same journey through the SDK with <see cref="CannedWeavrHandler"/> as the primary handler: the SDK's own cost
/// (CPU and allocations) with no network and no server.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    private ServiceProvider _services = null!;
    private IWeavrAuthClient _client = null!;

    /// <summary>Registers the SDK as an application would, with the canned handler in place of the socket handler.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = CannedSdk.Create();
        _client = _services.GetRequiredService<IWeavrAuthClient>();
        await SdkJourney.RunAsync(_client);
    }

    /// <summary>The five calls through the SDK's handler pipeline only.</summary>
    [Benchmark]
    public Task SdkPipelineOnly() => SdkJourney.RunAsync(_client);

    /// <summary>Disposes the container.</summary>
    [GlobalCleanup]
    public ValueTask CleanupAsync() => _services.DisposeAsync();
}
