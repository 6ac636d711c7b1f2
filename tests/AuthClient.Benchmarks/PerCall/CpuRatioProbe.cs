using System.Diagnostics;
using System.Globalization;

namespace AuthClient.Benchmarks.PerCall;

/// <summary>
/// <c>--per-call-cpu [calls per block] [blocks]</c>: the three shapes of <see cref="PerCallBenchmarks"/>, SDK and raw in
/// alternating blocks, each block timed in process CPU time (user + system, GC included) and wall time. On a shared
/// machine a descheduled thread inflates wall time but not CPU time, and alternating blocks give both clients the same
/// load, so the median CPU ratio is the SDK's own cost where BenchmarkDotNet's wall-clock ratio is noise.
/// </summary>
internal static class CpuRatioProbe
{
    public const string Argument = "--per-call-cpu";

    public static async Task<int> RunAsync(string[] args)
    {
        var perBlock = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var blocks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var benchmarks = new PerCallBenchmarks();
        await benchmarks.SetupAsync().ConfigureAwait(false);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {blocks} blocks of {perBlock:N0} calls per client and shape");
        Console.WriteLine("shape       | raw CPU ns | SDK CPU ns | CPU ratio | raw wall ns | SDK wall ns | wall ratio | raw B | SDK B | alloc ratio");
        (string Name, Func<Task> Raw, Func<Task> Sdk)[] shapes =
        [
            ("login", benchmarks.RawLogin, benchmarks.SdkLogin),
            ("identities", benchmarks.RawIdentities, benchmarks.SdkIdentities),
            ("verify", benchmarks.RawVerify, benchmarks.SdkVerify),
        ];

        foreach (var (name, raw, sdk) in shapes)
        {
            await BlockAsync(raw, perBlock).ConfigureAwait(false); // warm-up: tiered JIT, pools
            await BlockAsync(sdk, perBlock).ConfigureAwait(false);
            var rawBlocks = new List<(double Cpu, double Wall, double Bytes)>();
            var sdkBlocks = new List<(double Cpu, double Wall, double Bytes)>();
            for (var i = 0; i < blocks; i++)
            {
                rawBlocks.Add(await BlockAsync(raw, perBlock).ConfigureAwait(false));
                sdkBlocks.Add(await BlockAsync(sdk, perBlock).ConfigureAwait(false));
            }

            var (rc, rw, rb) = (Median(rawBlocks, b => b.Cpu), Median(rawBlocks, b => b.Wall), Median(rawBlocks, b => b.Bytes));
            var (sc, sw, sb) = (Median(sdkBlocks, b => b.Cpu), Median(sdkBlocks, b => b.Wall), Median(sdkBlocks, b => b.Bytes));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-11} | {rc,10:F0} | {sc,10:F0} | {sc / rc,9:F2} | {rw,11:F0} | {sw,11:F0} | {sw / rw,10:F2} | {rb,5:F0} | {sb,5:F0} | {sb / rb,11:F2}"));
        }

        await benchmarks.CleanupAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<(double Cpu, double Wall, double Bytes)> BlockAsync(Func<Task> call, int calls)
    {
        using var process = Process.GetCurrentProcess();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(wall);
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalNanoseconds / calls, elapsed.TotalNanoseconds / calls, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)calls);
    }

    private static double Median<T>(List<T> values, Func<T, double> select)
    {
        var sorted = values.Select(select).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
