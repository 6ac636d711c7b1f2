using System.Collections.Concurrent;
using AuthClient.Primitives;
using AuthClient.Sessions;

namespace AuthClient.Samples;

/// <summary>
/// Plays the user's front end: when a session needs an SMS code, the "user" types the one they received. In a real
/// app this asks the browser or app (e.g. over SignalR) and waits for the answer. Each request is recorded so the
/// journey can show who asked for a code and why; the code itself is never printed.
/// </summary>
internal sealed class FrontEndOtpCodeProvider(Secret code) : IOtpCodeProvider
{
    private readonly ConcurrentQueue<OtpCodeRequest> _requests = new();

    /// <summary>Gets the requests received, oldest first.</summary>
    public IReadOnlyCollection<OtpCodeRequest> Requests => _requests;

    public ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _requests.Enqueue(request);
        return ValueTask.FromResult<Secret?>(code);
    }
}
