using System.Diagnostics;
using System.Globalization;
using AuthClient.Benchmarks.Floor;
using AuthClient.Benchmarks.Raw;
using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// Where a loopback round's time goes, one caller, raw and SDK in alternating blocks against the same
/// <see cref="CannedKestrelServer"/>, after a warm-up that lasts until the JIT is quiet: the median and p90 of each
/// call's wall time, the median time a call spends in the transport (<see cref="TransportTimer"/>), and per round the
/// process's CPU time, the thread-pool work items completed (each one a wait for a core on a busy machine) and the
/// time the GC paused the process.
/// Then, with <c>--callers 1,64</c>, the throughput from that many concurrent callers (<see cref="LoopbackThroughput"/>),
/// with the fixed design's floor (<see cref="FloorCalls"/>: Refit behind the SDK's call-stage strategies in Polly) beside them.
/// <c>--loopback-latency [rounds] [--callers N,M]</c>.
/// </summary>
internal static class LoopbackLatencyProbe
{
    public const string Argument = "--loopback-latency";
    private const int Block = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var callers = args.Length > 2 && args[1] == "--callers"
            ? args[2].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray()
            : [];
        await using var server = await CannedKestrelServer.StartAsync();
        var rawTransport = new TransportTimer(new SocketsHttpHandler());
        var sdkTransport = new TransportTimer();
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = server.BaseUrl;
            o.Weavr.ApiKey = "bench-api-key";
        }).WeavrHttpClient.AddHttpMessageHandler(() => sdkTransport).SetHandlerLifetime(Timeout.InfiniteTimeSpan); // one chain: the timer is one instance
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWeavrAuthClient>();
        using var rawHttp = RawCalls.CreateClient(server.BaseUrl, "bench-api-key", rawTransport);
        var raw = new RawCalls(rawHttp);
        using var floor = new FloorCalls(server.BaseUrl, "bench-api-key", new SocketsHttpHandler(), withPolly: true);
        await floor.RunAsync(); // fail fast; its throughput is measured beside the other two below
        var rawStats = new Stats("raw");
        var sdkStats = new Stats("sdk");
        Func<Stats, Task> rawRound = async t =>
        {
            var token = await t.TimeAsync(0, raw.LoginAsync);
            await t.TimeAsync(1, () => raw.IdentitiesAsync(token));
            await t.TimeAsync(2, () => raw.VerifyAsync(token));
        };
        Func<Stats, Task> sdkRound = async t =>
        {
            var login = await t.TimeAsync(0, () => client.LoginWithPasswordAsync(SdkJourney.Email, SdkJourney.Password));
            var options = WeavrCallOptions.WithToken(login.Value.Token);
            await t.TimeAsync(1, () => client.GetIdentitiesAsync(options: options));
            await t.TimeAsync(2, () => client.VerifyOtpStepUpAsync(ScaChannel.Sms, SdkJourney.OtpCode, options));
        };
        var warmUp = await WarmUpAsync(server, rawRound, sdkRound);
        rawTransport.Clear();
        sdkTransport.Clear();
        for (var done = 0; done < rounds; done += Block)
        {
            await MeasureAsync(server, rawStats, rawRound);
            await MeasureAsync(server, sdkStats, sdkRound);
        }

        Console.WriteLine(warmUp);
        Console.WriteLine($"{rounds} rounds each, one caller, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        rawStats.Print(rawTransport.Median);
        sdkStats.Print(sdkTransport.Median);
        rawTransport.Recording = sdkTransport.Recording = false; // not thread-safe, and one caller's figure
        foreach (var n in callers)
        {
            // Blocks of at least 10 rounds a caller and ~0.1 s, as many pairs as the one-caller part had blocks.
            var block = Math.Max(n * 10, 640);
            Console.WriteLine(await LoopbackThroughput.MeasureAsync(
                n, Math.Max(10, rounds / Block), block, ("raw", raw.RunAsync), ("refit+polly", floor.RunAsync), ("sdk", () => LoopbackCalls.RunSdkAsync(client))));
        }

        return 0;
    }

    // Until no method has been compiled for a whole second: tier-0 code, on-stack replacement and the background
    // compiler (competing for the same cores) otherwise inflate whichever client has more code to tier up.
    private static async Task<string> WarmUpAsync(CannedKestrelServer server, Func<Stats, Task> raw, Func<Stats, Task> sdk)
    {
        var started = Stopwatch.GetTimestamp();
        var quietSince = started;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var rounds = 0;
        while (Stopwatch.GetElapsedTime(quietSince).TotalSeconds < 1 && Stopwatch.GetElapsedTime(started).TotalSeconds < 60)
        {
            await MeasureAsync(server, null, raw);
            await MeasureAsync(server, null, sdk);
            rounds += Block;
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = Stopwatch.GetTimestamp();
            }
        }

        return $"warm-up {rounds} rounds each, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s";
    }

    private static async Task MeasureAsync(CannedKestrelServer server, Stats? stats, Func<Stats, Task> round)
    {
        var sink = stats ?? new Stats("warm-up");
        var connections = server.Connections;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var items = ThreadPool.CompletedWorkItemCount;
        var paused = GC.GetTotalPauseDuration();
        for (var i = 0; i < Block; i++)
        {
            await round(sink);
        }

        process.Refresh();
        sink.CpuMicroseconds += (process.TotalProcessorTime - cpu).TotalMicroseconds;
        sink.WorkItems += ThreadPool.CompletedWorkItemCount - items;
        sink.GcPauseMicroseconds += (GC.GetTotalPauseDuration() - paused).TotalMicroseconds;
        sink.Connections += server.Connections - connections;
        sink.Rounds += Block;
    }

    /// <summary>Per-call wall times and per-round totals for one client.</summary>
    private sealed class Stats(string name)
    {
        private static readonly string[] Calls = ["login_with_password", "identities", "otp verify"];
        private readonly List<double>[] _times = [[], [], []];

        public double CpuMicroseconds { get; set; }

        public long WorkItems { get; set; }

        public double GcPauseMicroseconds { get; set; }

        public int Rounds { get; set; }

        public long Connections { get; set; }

        public async Task<T> TimeAsync<T>(int call, Func<Task<T>> send)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await send();
            _times[call].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            return result;
        }

        public async Task TimeAsync(int call, Func<Task> send)
        {
            var start = Stopwatch.GetTimestamp();
            await send();
            _times[call].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        public void Print(double transportMedian)
        {
            var calls = string.Join(", ", Calls.Select((c, i) => $"{c} median {Percentiles.Of(_times[i], 0.5):F0} µs p90 {Percentiles.Of(_times[i], 0.9):F0} µs"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {calls}; in the transport median {transportMedian:F0} µs a call; per round {CpuMicroseconds / Rounds:F0} µs CPU (client + server), {WorkItems / (double)Rounds:F1} thread-pool work items, {GcPauseMicroseconds / Rounds:F1} µs GC pause; {Connections} connections opened"));
        }
    }
}
