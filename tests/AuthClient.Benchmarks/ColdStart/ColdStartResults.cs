using System.Globalization;

namespace AuthClient.Benchmarks.ColdStart;

/// <summary>One binary's cold-start runs: the measured runs (no step marks) and the marked runs between them.</summary>
/// <param name="binary">The binary's full path.</param>
internal sealed class ColdStartResults(string binary)
{
    private readonly List<double> _login = [];
    private readonly List<double> _exit = [];
    private readonly List<double> _cpu = [];
    private readonly List<double> _markedLogin = [];
    private readonly Dictionary<string, List<double>> _steps = new(StringComparer.Ordinal);

    public string Binary { get; } = binary;

    public string Name => Path.GetFileName(Binary);

    /// <summary>Records a measured run and the marked run after it.</summary>
    public void Add(double login, double exit, double cpu, double markedLogin, IEnumerable<(string Step, double At)> steps)
    {
        _login.Add(login);
        _exit.Add(exit);
        _cpu.Add(cpu);
        _markedLogin.Add(markedLogin);
        foreach (var (step, at) in steps)
        {
            (_steps.TryGetValue(step, out var list) ? list : _steps[step] = []).Add(at);
        }
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"""
        == {Name}: {_login.Count} runs
        start -> login answered: median {Percentiles.Of(_login, 0.5):F1} ms, p90 {Percentiles.Of(_login, 0.9):F1} ms, min {_login.Min():F1} ms
        start -> process exited: median {Percentiles.Of(_exit, 0.5):F1} ms, p90 {Percentiles.Of(_exit, 0.9):F1} ms
        CPU time of the process (user + system): median {Percentiles.Of(_cpu, 0.5):F1} ms, p90 {Percentiles.Of(_cpu, 0.9):F1} ms
        runs with the AUTHCLIENT_AOT_TIMINGS step marks, in between: login answered median {Percentiles.Of(_markedLogin, 0.5):F1} ms; steps (median ms after Process.Start): {string.Join(", ", _steps.Select(p => $"{p.Key} {Percentiles.Of(p.Value, 0.5):F1}"))}
        binary: {Binary} ({new FileInfo(Binary).Length:N0} bytes, {new FileInfo(Binary).Length / 1024.0 / 1024.0:F1} MB)
        """);
}
