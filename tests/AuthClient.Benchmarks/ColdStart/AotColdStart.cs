using System.Diagnostics;
using System.Globalization;
using AuthClient.Benchmarks.Loopback;

namespace AuthClient.Benchmarks.ColdStart;

/// <summary>
/// Native AOT cold start: starts <see cref="CannedKestrelServer"/> once, then runs each published binary (the
/// <c>authclient-aot</c> sample and the floors) N times against it — log in (the sample then lists identities) and exit —
/// and prints, per binary, the median and p90 of the time from <see cref="Process.Start()"/> to the server answering the
/// login and to the process's exit, its CPU time and its size. The binaries take turns in blocks of
/// <see cref="Block"/> runs, so all of them see the same moments of a shared machine. The measured runs do not ask for
/// the binaries' step marks (their first write to the console costs ≈ 1 ms, which no user of the binary pays); each is
/// followed by a run that does, for the step breakdown. Used by <c>.ci/aot-cold-start.sh</c>.
/// </summary>
internal static class AotColdStart
{
    public const string Argument = "--aot-cold-start";
    private const int Block = 5;

    /// <summary>Runs the measurement; <paramref name="args"/> is <c>&lt;binary&gt; [&lt;binary&gt; ...] [--runs N]</c>.</summary>
    /// <returns>0 when every run logged in and exited 0.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--runs");
        var binaries = (at < 0 ? args : args[..at]).Select(Path.GetFullPath).ToList();
        if (binaries.Count == 0 || !binaries.All(File.Exists))
        {
            await Console.Error.WriteLineAsync($"Usage: {Argument} <binary> [<binary> ...] [--runs N]");
            return 2;
        }

        var runs = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 20;
        await using var server = await CannedKestrelServer.StartAsync();
        long loginAt = 0;
        server.LoginAnswered = () => Interlocked.Exchange(ref loginAt, Stopwatch.GetTimestamp());
        Func<long> answeredAt = () => Interlocked.Read(ref loginAt);

        // The floors on this machine now: starting any process, and starting each binary without DI or a network call.
        var trueRun = await StartOnlyAsync("/bin/true", [], runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor: /bin/true median {Percentiles.Of(trueRun, 0.5):F1} ms"));
        var results = new List<ColdStartResults>();
        foreach (var binary in binaries)
        {
            var helpCpu = ChildCpuTime.Read();
            var helpRun = await StartOnlyAsync(binary, ["--help"], runs);
            var helpCpuMs = (ChildCpuTime.Read() - helpCpu).TotalMilliseconds / runs;

            // One unmeasured run: pages the binary in and warms the server, as any later start of the same binary finds it.
            var warmUp = await RunOnceAsync(binary, server, answeredAt, marks: true);
            results.Add(new ColdStartResults(binary));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{results[^1].Name}: --help median {Percentiles.Of(helpRun, 0.5):F1} ms, p90 {Percentiles.Of(helpRun, 0.9):F1} ms, mean CPU {helpCpuMs:F1} ms; warm-up run (not counted): login {warmUp.Login:F1} ms, exit {warmUp.Exit:F1} ms"));
        }

        for (var done = 0; done < runs; done += Block)
        {
            foreach (var result in results)
            {
                for (var i = done; i < Math.Min(done + Block, runs); i++)
                {
                    Interlocked.Exchange(ref loginAt, 0);
                    var cpuBefore = ChildCpuTime.Read();
                    var run = await RunOnceAsync(result.Binary, server, answeredAt, marks: false);
                    var cpuMs = (ChildCpuTime.Read() - cpuBefore).TotalMilliseconds;
                    Interlocked.Exchange(ref loginAt, 0);
                    var marked = await RunOnceAsync(result.Binary, server, answeredAt, marks: true);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run {i + 1,2} {result.Name}: login answered {run.Login,6:F1} ms, process exited {run.Exit,6:F1} ms, CPU {cpuMs,5:F1} ms; with step marks: login answered {marked.Login,6:F1} ms"));
                    result.Add(run.Login, run.Exit, cpuMs, marked.Login, marked.Steps);
                }
            }
        }

        results.ForEach(r => Console.WriteLine(r.Summary()));
        return 0;
    }

    private static async Task<(double Login, double Exit, List<(string Step, double At)> Steps)> RunOnceAsync(string binary, CannedKestrelServer server, Func<long> loginAt, bool marks)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--base-url", server.BaseUrl.AbsoluteUri, "--email", SdkJourney.Email })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["WEAVR_API_KEY"] = "bench-api-key";
        info.Environment["WEAVR_PASSWORD"] = SdkJourney.Password;
        if (marks)
        {
            info.Environment["AUTHCLIENT_AOT_TIMINGS"] = "1";
        }
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{binary} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var exited = Stopwatch.GetTimestamp();
        if (process.ExitCode != 0 || loginAt() == 0)
        {
            throw new InvalidOperationException($"{binary} exited {process.ExitCode} (login answered: {loginAt() != 0}): {await output} {await errors}");
        }

        // "timing <step> <Stopwatch timestamp>": the monotonic clock is the machine's, so the child's marks share our time line.
        var steps = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 3 && parts[0] == "timing")
            .Select(parts => (parts[1], Stopwatch.GetElapsedTime(started, long.Parse(parts[2], CultureInfo.InvariantCulture)).TotalMilliseconds))
            .ToList();
        return (Stopwatch.GetElapsedTime(started, loginAt()).TotalMilliseconds, Stopwatch.GetElapsedTime(started, exited).TotalMilliseconds, steps);
    }

    private static async Task<List<double>> StartOnlyAsync(string binary, string[] args, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, UseShellExecute = false };
            args.ToList().ForEach(info.ArgumentList.Add);
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"{binary} did not start.");
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }
}
