using System.Collections.Concurrent;
using AuthClient.Primitives;
using AuthClient.Sessions;

namespace AuthClient.Tests.Sessions;

/// <summary>An <see cref="IOtpCodeProvider"/> that answers with queued codes (null = the user gives up) and records what it was asked.</summary>
internal sealed class ScriptedOtpCodeProvider : IOtpCodeProvider
{
    private readonly ConcurrentQueue<string?> _codes = new();

    public ConcurrentQueue<OtpCodeRequest> Requests { get; } = new();

    /// <summary>Runs before a code is handed out (e.g. to hold the answer until a test condition holds).</summary>
    public Func<OtpCodeRequest, CancellationToken, Task>? BeforeAnswer { get; set; }

    public void Enqueue(params string?[] codes)
    {
        foreach (var code in codes)
        {
            _codes.Enqueue(code);
        }
    }

    public async ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (BeforeAnswer is { } before)
        {
            await before(request, cancellationToken);
        }

        return _codes.TryDequeue(out var code)
            ? Secret.FromNullable(code)
            : throw new InvalidOperationException("The test queued no more codes.");
    }
}
