using System.Diagnostics;

namespace AuthClient.Samples;

/// <summary>
/// Runs a journey of numbered steps: prints each step, its outcome lines and <c>ok</c>, or stops at the first failure
/// with a report. The exit code is 0 only when every step succeeded.
/// </summary>
internal sealed class Journey
{
    /// <summary>A hang guard: nothing in either journey should take more than a few seconds.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(3);

    private readonly TextWriter _output;
    private int _number;
    private string _current = "setup";

    private Journey(TextWriter output) => _output = output;

    /// <summary>Runs <paramref name="run"/> with a cancellation token that fires on Ctrl+C or after <see cref="MaxDuration"/>.</summary>
    /// <returns>The exit code: 0 when every step succeeded, 1 otherwise.</returns>
    public static async Task<int> RunAsync(TextWriter output, string title, Func<Journey, CancellationToken, Task> run)
    {
        using var stop = new CancellationTokenSource(MaxDuration);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var journey = new Journey(output);
        output.WriteLine($"AuthClient console sample: {title}");
        try
        {
            await run(journey, stop.Token);
            output.WriteLine();
            output.WriteLine($"All {journey._number} steps succeeded.");
            return 0;
        }
        catch (Exception ex)
        {
            if (ex is not StepFailedException)
            {
                // Failed outside a step: starting the environment, or cleaning up after the last step.
                output.WriteLine($"  FAILED during {journey._current}");
                FailureReport.Write(output, ex);
            }

            if (stop.IsCancellationRequested)
            {
                output.WriteLine($"  (cancelled: Ctrl+C, or the journey ran longer than {MaxDuration.TotalMinutes:0} minutes)");
            }

            output.WriteLine();
            output.WriteLine(journey._number == 0
                ? "FAILED before step 1."
                : $"FAILED at step {journey._number} ({journey._current}).");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            await output.FlushAsync();
        }
    }

    /// <summary>Prints an indented line that belongs to no step (e.g. where the environment runs).</summary>
    public void Note(string line) => _output.WriteLine($"  {line}");

    /// <summary>Runs the next numbered step.</summary>
    /// <returns>What the step returns, for the steps after it.</returns>
    /// <exception cref="StepFailedException">The step failed (its report is printed).</exception>
    public async Task<T> StepAsync<T>(string title, Func<Step, Task<T>> body)
    {
        _number++;
        _current = title;
        _output.WriteLine();
        _output.WriteLine($"[{_number}] {title}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await body(new Step(_output));
            _output.WriteLine($"    ok ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
            return result;
        }
        catch (Exception ex) when (ex is not StepFailedException)
        {
            _output.WriteLine($"    FAILED ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");
            FailureReport.Write(_output, ex);
            throw new StepFailedException($"Step {_number} ({title}) failed.", ex);
        }
    }

    /// <inheritdoc cref="StepAsync{T}(string, Func{Step, Task{T}})"/>
    public Task StepAsync(string title, Func<Step, Task> body) =>
        StepAsync(title, async step =>
        {
            await body(step);
            return true;
        });
}
