using AuthClient.Primitives;
using AuthClient.Sessions;

namespace AuthClient.Samples.WebFarm;

/// <summary>
/// Plays the users' front end for every instance: when a session needs an SMS code for step-up, the "user" types the
/// one the emulator sent. Counts how often a code was asked (one step-up challenge asks once). The code is never printed.
/// </summary>
internal sealed class FrontEnd(Secret code) : IOtpCodeProvider
{
    private int _asked;

    public int Asked => Volatile.Read(ref _asked);

    public ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _asked);
        return ValueTask.FromResult<Secret?>(code);
    }
}
