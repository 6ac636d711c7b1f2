using System.Diagnostics;
using System.Globalization;
using AuthClient.Benchmarks.Loopback;

namespace AuthClient.Benchmarks.ColdStart;

/// <summary>
/// Native AOT cold start: starts <see cref="CannedKestrelServer"/> once, then runs the published
/// <c>authclient-aot</c> sample N times against it (log in, list identities, exit) and prints, per run, the time from
/// <see cref="Process.Start()"/> to the server answering the login and to the process's exit; then the median and p90 of
/// each and the binary's size. Used by <c>.ci/aot-cold-start.sh</c>. The measured runs do not ask for the sample's step
/// marks (their first write to the console costs ≈ 1 ms, which no user of the binary pays); each is followed by a run
/// that does, for the step breakdown and its own login time.
/// </summary>
internal static class AotColdStart
{
    public const string Argument = "--aot-cold-start";

    /// <summary>Runs the measurement; <paramref name="args"/> is <c>&lt;binary&gt; [--runs N]</c>.</summary>
    /// <returns>0 when every run logged in and exited 0.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync($"Usage: {Argument} <path to authclient-aot> [--runs N]");
            return 2;
        }

        var binary = Path.GetFullPath(args[0]);
        var runs = args.Length >= 3 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        await using var server = await CannedKestrelServer.StartAsync();
        long loginAt = 0;
        server.LoginAnswered = () => Interlocked.Exchange(ref loginAt, Stopwatch.GetTimestamp());

        // The floors on this machine now: starting any process, and starting this binary without DI or a network call.
        var trueRun = await StartOnlyAsync("/bin/true", [], runs);
        var helpCpu = ChildCpuTime.Read();
        var helpRun = await StartOnlyAsync(binary, ["--help"], runs);
        var helpCpuMs = (ChildCpuTime.Read() - helpCpu).TotalMilliseconds / runs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"floors: /bin/true median {Percentiles.Of(trueRun, 0.5):F1} ms; authclient-aot --help median {Percentiles.Of(helpRun, 0.5):F1} ms, p90 {Percentiles.Of(helpRun, 0.9):F1} ms, mean CPU {helpCpuMs:F1} ms"));

        // One unmeasured run: pages the binary in and warms the server, as any later start of the same binary finds it.
        var warmUp = await RunOnceAsync(binary, server, () => Interlocked.Read(ref loginAt), marks: true);
        Console.WriteLine($"warm-up run (not counted): login {warmUp.Login:F1} ms, exit {warmUp.Exit:F1} ms");
        var login = new List<double>(runs);
        var exit = new List<double>(runs);
        var cpu = new List<double>(runs);
        var markedLogin = new List<double>(runs);
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < runs; i++)
        {
            Interlocked.Exchange(ref loginAt, 0);
            var cpuBefore = ChildCpuTime.Read();
            var run = await RunOnceAsync(binary, server, () => Interlocked.Read(ref loginAt), marks: false);
            var cpuMs = (ChildCpuTime.Read() - cpuBefore).TotalMilliseconds;
            Interlocked.Exchange(ref loginAt, 0);
            var marked = await RunOnceAsync(binary, server, () => Interlocked.Read(ref loginAt), marks: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1,2}: login answered {run.Login,6:F1} ms, process exited {run.Exit,6:F1} ms, CPU {cpuMs,5:F1} ms; with step marks: login answered {marked.Login,6:F1} ms"));
            login.Add(run.Login);
            exit.Add(run.Exit);
            cpu.Add(cpuMs);
            markedLogin.Add(marked.Login);
            foreach (var (step, at) in marked.Steps)
            {
                (steps.TryGetValue(step, out var list) ? list : steps[step] = []).Add(at);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            runs: {runs}
            start -> login answered: median {Percentiles.Of(login, 0.5):F1} ms, p90 {Percentiles.Of(login, 0.9):F1} ms, min {login.Min():F1} ms
            start -> process exited: median {Percentiles.Of(exit, 0.5):F1} ms, p90 {Percentiles.Of(exit, 0.9):F1} ms
            CPU time of the process (user + system): median {Percentiles.Of(cpu, 0.5):F1} ms, p90 {Percentiles.Of(cpu, 0.9):F1} ms
            runs with the AUTHCLIENT_AOT_TIMINGS step marks, in between: login answered median {Percentiles.Of(markedLogin, 0.5):F1} ms; steps (median ms after Process.Start): {string.Join(", ", steps.Select(p => $"{p.Key} {Percentiles.Of(p.Value, 0.5):F1}"))}
            binary: {binary} ({new FileInfo(binary).Length:N0} bytes, {new FileInfo(binary).Length / 1024.0 / 1024.0:F1} MB)
            """));
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
