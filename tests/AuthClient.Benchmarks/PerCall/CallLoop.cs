namespace AuthClient.Benchmarks.PerCall;

/// <summary>
/// <c>--loop &lt;login|identities|verify&gt; [calls] [sdk|raw]</c>: runs one call shape of <see cref="PerCallBenchmarks"/> many times
/// outside BenchmarkDotNet, for a profiler to attach to (<c>dotnet-trace collect -- ...</c>), and prints the exact bytes
/// allocated per call beside the sampled allocation types (where the bytes go).
/// </summary>
internal static class CallLoop
{
    public const string Argument = "--loop";

    public static async Task<int> RunAsync(string[] args)
    {
        var shape = args.Length > 0 ? args[0] : "login";
        var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var only = args.Length > 2 ? args[2] : null; // "sdk" or "raw": one side alone, for a profiler
        var benchmarks = new PerCallBenchmarks();
        await benchmarks.SetupAsync().ConfigureAwait(false);
        var (sdk, raw) = shape switch
        {
            "login" => ((Func<Task>)benchmarks.SdkLogin, (Func<Task>)benchmarks.RawLogin),
            "identities" => (benchmarks.SdkIdentities, benchmarks.RawIdentities),
            "verify" => (benchmarks.SdkVerify, benchmarks.RawVerify),
            _ => throw new ArgumentException($"Unknown shape '{shape}': login, identities or verify.", nameof(shape)),
        };

        foreach (var (name, call) in new[] { ("raw", raw), ("sdk", sdk) })
        {
            if (only is not null && only != name)
            {
                continue;
            }

            for (var i = 0; i < 10_000; i++)
            {
                await call().ConfigureAwait(false); // warm-up: tiered JIT, pools
            }

            using var sampler = new AllocationSampler();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await call().ConfigureAwait(false);
            }

            var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
            Console.WriteLine($"{shape} {name}: {perCall:F0} B/call over {calls:N0} calls; sampled types:");
            var total = Math.Max(1, sampler.BytesByType.Values.Sum());
            foreach (var (type, bytes) in sampler.BytesByType.OrderByDescending(p => p.Value).Take(25))
            {
                Console.WriteLine($"  {bytes * perCall / total,8:F0} B  {type}");
            }
        }

        await benchmarks.CleanupAsync().ConfigureAwait(false);
        return 0;
    }
}
