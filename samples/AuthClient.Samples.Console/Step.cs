using AuthClient.Sessions;

namespace AuthClient.Samples;

/// <summary>The step being run: prints its outcome lines and checks what the journey needs.</summary>
internal sealed class Step(TextWriter output)
{
    /// <summary>Prints one line of what happened (never a secret).</summary>
    public void Info(string line) => output.WriteLine($"    {line}");

    /// <summary>Fails the step unless <paramref name="condition"/> holds.</summary>
    public void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new StepCheckException(failure);
        }
    }

    /// <summary>Fails the step unless the challenge succeeded (Verified or AlreadyVerified).</summary>
    public void Require(ChallengeResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new StepCheckException($"{what} ended {result.Outcome}.", result.ErrorCode, result.RequestRef);
        }
    }
}
