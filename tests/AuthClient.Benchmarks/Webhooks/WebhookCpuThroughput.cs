using System.Diagnostics;
using System.Globalization;

namespace AuthClient.Benchmarks.Webhooks;

/// <summary>
/// Deliveries per CPU-second (= per core) for <see cref="WebhookBenchmarks"/>' three paths, from the process's CPU time
/// rather than the wall clock: on a machine shared with other work a thread's wall time includes the time it waited for
/// a core, its CPU time does not. Single-threaded loop; <c>--webhook-cpu [iterations]</c>.
/// </summary>
internal static class WebhookCpuThroughput
{
    public const string Argument = "--webhook-cpu";

    public static int Run(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var bench = new WebhookBenchmarks();
        bench.Setup();
        Measure("RawHmacAndJsonDocument", iterations, () => bench.RawHmacAndJsonDocument());
        Measure("VerifyAndParse", iterations, () => bench.VerifyAndParse());
        Measure("Receive", iterations, () => bench.Receive().Result.Outcome == AuthClient.Webhooks.WebhookReceiveOutcome.Accepted);
        return 0;
    }

    private static void Measure(string name, int iterations, Func<bool> delivery)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            _ = delivery(); // Warm-up: tiered JIT to its optimized code.
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            if (!delivery())
            {
                throw new InvalidOperationException($"{name} rejected the delivery.");
            }
        }

        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var wallSeconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-24} {iterations:N0} deliveries: {iterations / cpuSeconds,10:N0} /CPU-s ({cpuSeconds * 1e6 / iterations:F2} µs CPU each), {iterations / wallSeconds,10:N0} /wall-s"));
    }
}
