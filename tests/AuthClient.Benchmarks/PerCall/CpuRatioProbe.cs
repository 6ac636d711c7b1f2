using System.Diagnostics;
using System.Globalization;

namespace AuthClient.Benchmarks.PerCall;

/// <summary>
/// <c>--per-call-cpu [calls per block] [blocks] [withouttelemetry|empty]</c>: the three shapes of
/// <see cref="PerCallBenchmarks"/>, SDK and raw in alternating blocks, each block timed in process CPU time (user +
/// system, GC included) and wall time. On a shared machine a descheduled thread inflates wall time but not CPU time, and
/// alternating blocks give both clients the same load, so the median CPU ratio is the SDK's own cost where
/// BenchmarkDotNet's wall-clock ratio is noise. With a <see cref="CallStageVariant"/>, a third client (the SDK with that
/// call stage) runs in the same rotation, and the difference is what the replaced part of the stage costs.
/// </summary>
internal static class CpuRatioProbe
{
    public const string Argument = "--per-call-cpu";

    public static async Task<int> RunAsync(string[] args)
    {
        var perBlock = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var blocks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var variant = args.Length > 2 ? Enum.Parse<CallStageVariant>(args[2], ignoreCase: true) : CallStageVariant.Sdk;
        var benchmarks = new PerCallBenchmarks();
        await benchmarks.SetupAsync().ConfigureAwait(false);
        var other = new PerCallBenchmarks { CallStage = variant };
        await other.SetupAsync().ConfigureAwait(false);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {blocks} blocks of {perBlock:N0} calls per client and shape; third client: call stage {variant}");
        Console.WriteLine("shape       | raw CPU ns | SDK CPU ns | CPU ratio | raw wall ns | SDK wall ns | wall ratio | raw B | SDK B | alloc ratio | variant CPU ns | SDK - variant ns");
        (string Name, Func<Task> Raw, Func<Task> Sdk, Func<Task> Variant)[] shapes =
        [
            ("login", benchmarks.RawLogin, benchmarks.SdkLogin, other.SdkLogin),
            ("identities", benchmarks.RawIdentities, benchmarks.SdkIdentities, other.SdkIdentities),
            ("verify", benchmarks.RawVerify, benchmarks.SdkVerify, other.SdkVerify),
        ];

        foreach (var (name, raw, sdk, alternative) in shapes)
        {
            // Warm-up for at least two seconds: tiered JIT compiles in the background, and its CPU would count.
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(2))
            {
                await BlockAsync(raw, perBlock / 4).ConfigureAwait(false);
                await BlockAsync(sdk, perBlock / 4).ConfigureAwait(false);
                await BlockAsync(alternative, perBlock / 4).ConfigureAwait(false);
            }

            var measured = new List<(double Cpu, double Wall, double Bytes)>[] { [], [], [] };
            for (var i = 0; i < blocks; i++)
            {
                measured[0].Add(await BlockAsync(raw, perBlock).ConfigureAwait(false));
                measured[1].Add(await BlockAsync(sdk, perBlock).ConfigureAwait(false));
                measured[2].Add(await BlockAsync(alternative, perBlock).ConfigureAwait(false));
            }

            var (rc, rw, rb) = (Percentiles.Of(measured[0].Select(b => b.Cpu), 0.5), Percentiles.Of(measured[0].Select(b => b.Wall), 0.5), Percentiles.Of(measured[0].Select(b => b.Bytes), 0.5));
            var (sc, sw, sb) = (Percentiles.Of(measured[1].Select(b => b.Cpu), 0.5), Percentiles.Of(measured[1].Select(b => b.Wall), 0.5), Percentiles.Of(measured[1].Select(b => b.Bytes), 0.5));
            var vc = Percentiles.Of(measured[2].Select(b => b.Cpu), 0.5);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-11} | {rc,10:F0} | {sc,10:F0} | {sc / rc,9:F2} | {rw,11:F0} | {sw,11:F0} | {sw / rw,10:F2} | {rb,5:F0} | {sb,5:F0} | {sb / rb,11:F2} | {vc,14:F0} | {sc - vc,16:F0}"));
        }

        await other.CleanupAsync().ConfigureAwait(false);
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
}
