#region otp-code-provider
using AuthClient.Primitives;
using AuthClient.Sessions;

namespace MyApp;

/// <summary>Asks the user's front end for the SMS code (here: a code the front end posted, awaited per user).</summary>
public sealed class FrontEndOtpPrompt : IOtpCodeProvider
{
    private readonly Dictionary<string, TaskCompletionSource<string?>> _waiting = [];

    public async ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken)
    {
        // request.UserKey, request.Channel (SMS), request.Purpose (step-up or enrolment), request.Attempt (1, 2, 3)
        var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting) { _waiting[request.UserKey] = answer; }
        var code = await answer.Task.WaitAsync(cancellationToken);
        return code is null ? null : new Secret(code);   // null: the user gave up
    }

    /// <summary>Called by your endpoint when the user typed the code (or null when they cancelled).</summary>
    public void Answer(string userKey, string? code)
    {
        lock (_waiting)
        {
            if (_waiting.Remove(userKey, out var answer)) { answer.TrySetResult(code); }
        }
    }
}
#endregion
