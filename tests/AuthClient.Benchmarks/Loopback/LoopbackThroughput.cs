using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// Rounds per second from N concurrent callers, each client in turn in alternating blocks (so all see the same load on
/// a shared machine), and the CPU each spends a round. Each ratio reported is the median of the per-set ratios to the
/// first client (the baseline): one block of every client, back to back, is one set.
/// </summary>
internal static class LoopbackThroughput
{
    /// <summary>Measures <paramref name="sets"/> sets of blocks of <paramref name="blockRounds"/> rounds each.</summary>
    public static async Task<string> MeasureAsync(int callers, int sets, int blockRounds, params (string Name, Func<Task> Round)[] clients)
    {
        var rates = clients.Select(_ => new List<double>()).ToArray();
        var ratios = clients.Select(_ => new List<double>()).ToArray();
        var cpu = new double[clients.Length];
        for (var set = 0; set < sets; set++)
        {
            for (var c = 0; c < clients.Length; c++)
            {
                var (perSecond, cpuRound) = await BlockAsync(callers, blockRounds, clients[c].Round).ConfigureAwait(false);
                rates[c].Add(perSecond);
                ratios[c].Add(perSecond / rates[0][set]);
                cpu[c] += cpuRound;
            }
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{callers} callers, {sets} sets of {blockRounds}-round blocks:");
        for (var c = 0; c < clients.Length; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {clients[c].Name} {Percentiles.Of(rates[c], 0.5):F0} rounds/s ({cpu[c] / sets:F0} µs CPU a round)");
            if (c > 0)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $", ÷ {clients[0].Name} median {Percentiles.Of(ratios[c], 0.5):F2} (quartiles {Percentiles.Of(ratios[c], 0.25):F2}–{Percentiles.Of(ratios[c], 0.75):F2})");
            }

            text.Append(c < clients.Length - 1 ? ';' : '.');
        }

        return text.ToString();
    }

    private static async Task<(double PerSecond, double CpuMicrosecondsPerRound)> BlockAsync(int callers, int rounds, Func<Task> round)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await LoopbackCalls.FanOutAsync(callers, rounds, round).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return (rounds / elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalMicroseconds / rounds);
    }
}
