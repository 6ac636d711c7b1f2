using AuthClient.Benchmarks.ColdStart;
using AuthClient.Benchmarks.Emulator;
using AuthClient.Benchmarks.Loopback;
using AuthClient.Benchmarks.Webhooks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthClient.Benchmarks;

/// <summary>
/// Entry point. Any BenchmarkDotNet argument works (<c>--filter '*'</c>, <c>--job short</c>, ...). <c>--smoke</c> runs
/// every benchmark once, in process, with no warm-up, and fails (exit code 1) if any of them throws: a CI check that
/// the benchmarks still work, not a measurement. <c>--aot-cold-start &lt;binary&gt; [--runs N]</c> measures the Native AOT
/// sample's cold start instead (see <c>.ci/aot-cold-start.sh</c>); <c>--webhook-cpu [iterations]</c> the webhook paths
/// per CPU-second; <c>--loopback-latency [rounds]</c> where a loopback round's time goes; <c>--emulator-cpu [journeys]</c>
/// the emulator's journeys per second and per CPU-second from 1 to 16 clients; <c>--loop &lt;login|identities|verify&gt; [calls] [sdk|raw]</c>
/// the bytes one call shape allocates beside the hand-written call, and where they go; <c>--per-call-cpu [calls] [blocks] [call stage]</c>
/// the three shapes' CPU time per call beside the hand-written calls, in alternating blocks.
/// </summary>
public static class Program
{
    /// <summary>The measurements that are not BenchmarkDotNet runs (each prints its own figures), by first argument.</summary>
    private static readonly Dictionary<string, Func<string[], int>> Tools = new(StringComparer.Ordinal)
    {
        [AotColdStart.Argument] = a => AotColdStart.RunAsync(a).GetAwaiter().GetResult(),
        [LoopbackLatencyProbe.Argument] = a => LoopbackLatencyProbe.RunAsync(a).GetAwaiter().GetResult(),
        [EmulatorCpuThroughput.Argument] = a => EmulatorCpuThroughput.RunAsync(a).GetAwaiter().GetResult(),
        [WebhookCpuThroughput.Argument] = WebhookCpuThroughput.Run,
        [PerCall.CallLoop.Argument] = a => PerCall.CallLoop.RunAsync(a).GetAwaiter().GetResult(),
        [PerCall.CpuRatioProbe.Argument] = a => PerCall.CpuRatioProbe.RunAsync(a).GetAwaiter().GetResult(),
    };

    /// <summary>Runs the benchmarks.</summary>
    /// <param name="args">BenchmarkDotNet arguments, plus <c>--smoke</c>.</param>
    /// <returns>0 when every benchmark ran.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Tools.TryGetValue(args[0], out var tool))
        {
            return tool(args[1..]);
        }

        var smoke = args.Contains("--smoke", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--smoke").ToArray();
        IConfig config = DefaultConfig.Instance;
        if (smoke)
        {
            config = config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Smoke"));
            if (!rest.Contains("--filter", StringComparer.Ordinal))
            {
                rest = [.. rest, "--filter", "*"];
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config).ToList();
        var failed = summaries.Count == 0
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
