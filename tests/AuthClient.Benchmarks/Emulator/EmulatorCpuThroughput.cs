using System.Diagnostics;
using System.Globalization;
using AuthClient.Benchmarks.Loopback;
using AuthClient.DependencyInjection;
using AuthClient.Testing;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks.Emulator;

/// <summary>
/// Full journeys against the <see cref="WeavrSandbox"/> emulator from 1, 2, 4, 8 and 16 concurrent clients, through the
/// SDK and through a bare <see cref="HttpClient"/>: journeys per wall-clock second, and per CPU-second of this process
/// (emulator + client), which on a machine shared with other work says what the cores could do if they were ours.
/// <c>--emulator-cpu [journeys per level]</c>.
/// </summary>
internal static class EmulatorCpuThroughput
{
    public const string Argument = "--emulator-cpu";

    public static async Task<int> RunAsync(string[] args)
    {
        var journeys = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        await using var sandbox = await WeavrSandbox.StartAsync(b => b
            .WithUser(u => u.Email(SdkJourney.Email).Password(SdkJourney.Password).WithSms())
            .WithRequestLogLimit(0));
        var services = new ServiceCollection();
        services.AddAuthClient(sandbox.ConfigureAuthClient);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWeavrAuthClient>();
        using var raw = new RawJourney(sandbox.WeavrBaseUrl, sandbox.ApiKey);
        await LoopbackCalls.FanOutAsync(16, 320, () => SdkJourney.RunAsync(client)); // Warm-up: JIT, connections.
        await LoopbackCalls.FanOutAsync(16, 320, raw.RunAsync);
        Console.WriteLine($"{journeys} journeys a level, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var clients in new[] { 1, 2, 4, 8, 16 })
        {
            await MeasureAsync("sdk", clients, journeys, () => SdkJourney.RunAsync(client));
            await MeasureAsync("raw", clients, journeys, raw.RunAsync);
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, int clients, int journeys, Func<Task> journey)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.GetTimestamp();
        await LoopbackCalls.FanOutAsync(clients, journeys, journey);
        var wallSeconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} {clients,2} clients: {journeys / wallSeconds,7:N0} journeys/s wall, {journeys / cpuSeconds,7:N0} journeys per CPU-second ({cpuSeconds * 1e3 / journeys:F2} ms CPU each), cores busy {cpuSeconds / wallSeconds:F2}"));
    }
}
