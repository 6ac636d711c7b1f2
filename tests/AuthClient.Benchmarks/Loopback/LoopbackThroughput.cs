using System.Diagnostics;
using System.Globalization;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// Rounds per second from N concurrent callers, raw and SDK in alternating blocks (so both see the same load on a
/// shared machine), and the CPU each spends a round. The ratio reported is the median of the per-pair ratios: one
/// block of each, back to back, is one pair.
/// </summary>
internal static class LoopbackThroughput
{
    /// <summary>Measures <paramref name="pairs"/> pairs of blocks of <paramref name="blockRounds"/> rounds each.</summary>
    public static async Task<string> MeasureAsync(int callers, int pairs, int blockRounds, Func<Task> raw, Func<Task> sdk)
    {
        var rawRate = new List<double>();
        var sdkRate = new List<double>();
        var ratios = new List<double>();
        double rawCpu = 0, sdkCpu = 0;
        for (var pair = 0; pair < pairs; pair++)
        {
            var (rawPerSecond, rawCpuRound) = await BlockAsync(callers, blockRounds, raw).ConfigureAwait(false);
            var (sdkPerSecond, sdkCpuRound) = await BlockAsync(callers, blockRounds, sdk).ConfigureAwait(false);
            rawRate.Add(rawPerSecond);
            sdkRate.Add(sdkPerSecond);
            ratios.Add(sdkPerSecond / rawPerSecond);
            rawCpu += rawCpuRound;
            sdkCpu += sdkCpuRound;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{callers} callers, {pairs} pairs of {blockRounds}-round blocks: raw {Percentiles.Of(rawRate, 0.5):F0} rounds/s ({rawCpu / pairs:F0} µs CPU a round), " +
            $"sdk {Percentiles.Of(sdkRate, 0.5):F0} rounds/s ({sdkCpu / pairs:F0} µs CPU a round); sdk ÷ raw throughput, median of the pairs {Percentiles.Of(ratios, 0.5):F2} " +
            $"(quartiles {Percentiles.Of(ratios, 0.25):F2}–{Percentiles.Of(ratios, 0.75):F2})");
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
