using System.Diagnostics;

namespace AuthClient.AotFloor;

/// <summary>
/// What the cold-start floors share with the AOT sample's harness contract: the <c>AUTHCLIENT_AOT_TIMINGS</c> step marks
/// and the <c>--base-url</c> argument. Compiled into both floors (tests/AuthClient.AotDesignFloor links this file).
/// </summary>
internal static class FloorRun
{
    private static readonly bool Timings = Environment.GetEnvironmentVariable("AUTHCLIENT_AOT_TIMINGS") == "1";

    /// <summary>Prints a step's monotonic clock on stderr when the harness asks for timings.</summary>
    /// <param name="step">The step's name, as the sample names it.</param>
    public static void Mark(string step)
    {
        if (Timings)
        {
            Console.Error.WriteLine($"timing {step} {Stopwatch.GetTimestamp()}");
        }
    }

    /// <summary>Reads <c>--base-url</c>, or prints the usage and gives the exit code (0 for <c>--help</c>, else 2).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="program">The binary's name, for the usage line.</param>
    /// <param name="baseUrl">The base URL, without a trailing slash.</param>
    /// <param name="exitCode">The exit code when there is none.</param>
    /// <returns>Whether a base URL was given.</returns>
    public static bool TryReadBaseUrl(string[] args, string program, out string baseUrl, out int exitCode)
    {
        var at = Array.IndexOf(args, "--base-url");
        if (at < 0 || at + 1 >= args.Length)
        {
            Console.WriteLine($"Usage: {program} --base-url <url>");
            (baseUrl, exitCode) = (string.Empty, args.Contains("--help") ? 0 : 2);
            return false;
        }

        (baseUrl, exitCode) = (args[at + 1].TrimEnd('/'), 0);
        return true;
    }
}
