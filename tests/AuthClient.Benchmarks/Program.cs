using AuthClient.Benchmarks.ColdStart;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthClient.Benchmarks;

/// <summary>
/// Entry point. Any BenchmarkDotNet argument works (<c>--filter '*'</c>, <c>--job short</c>, ...). <c>--smoke</c> runs
/// every benchmark once, in process, with no warm-up, and fails (exit code 1) if any of them throws: a CI check that
/// the benchmarks still work, not a measurement. <c>--aot-cold-start &lt;binary&gt; [--runs N]</c> measures the Native AOT
/// sample's cold start instead (see <c>.ci/aot-cold-start.sh</c>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks.</summary>
    /// <param name="args">BenchmarkDotNet arguments, plus <c>--smoke</c>.</param>
    /// <returns>0 when every benchmark ran.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == AotColdStart.Argument)
        {
            return AotColdStart.RunAsync(args[1..]).GetAwaiter().GetResult();
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
