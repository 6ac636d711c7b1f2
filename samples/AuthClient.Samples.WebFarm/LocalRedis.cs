using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AuthClient.Samples.WebFarm;

/// <summary>A redis-server started from PATH for this run: 127.0.0.1, a free port, persistence off; stopped on dispose.</summary>
internal sealed class LocalRedis : IAsyncDisposable
{
    public const string Usage = """
        Usage: dotnet run --project samples/AuthClient.Samples.WebFarm -- [--redis 127.0.0.1:PORT] [--keep]
          --redis  the Redis server the three instances share; without it, redis-server is started from PATH
          --keep   leave this run's keys in Redis (their prefix is printed)
        """;

    private readonly Process _process;

    private LocalRedis(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    public static LocalRedis? TryStart(TextWriter error)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            error.WriteLine($"This sample needs Redis: pass --redis 127.0.0.1:PORT, or put redis-server on PATH.\n\n{Usage}");
            return null;
        }

        // Ready when it says so (or gone when it could not start).
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.Contains("Ready to accept connections", StringComparison.Ordinal))
        {
        }

        if (line is null)
        {
            error.WriteLine($"redis-server did not start on 127.0.0.1:{port}; pass --redis 127.0.0.1:PORT instead.");
            process.Dispose();
            return null;
        }

        _ = process.StandardOutput.ReadToEndAsync(); // keeps its output pipe drained
        return new LocalRedis(process, $"127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
