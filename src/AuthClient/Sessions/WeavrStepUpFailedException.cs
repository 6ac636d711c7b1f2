namespace AuthClient.Sessions;

/// <summary>
/// A secured call needed a step-up (403 <c>STEP_UP_REQUIRED</c>) and the automatic step-up did not pass:
/// <see cref="Result"/> says why (declined, timed out, limit reached...). The original call was not replayed.
/// </summary>
public sealed class WeavrStepUpFailedException : WeavrSessionException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrStepUpFailedException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="state">The session's state after the attempt.</param>
    /// <param name="result">The step-up outcome.</param>
    /// <param name="innerException">The 403 answer of the original call.</param>
    public WeavrStepUpFailedException(string userKey, WeavrSessionState state, ChallengeResult result, Exception? innerException)
        : base(userKey, state, $"The call needs a stepped-up token and the step-up ended {result?.Outcome}{(result?.ErrorCode is { } code ? $" ({code})" : string.Empty)}.", innerException)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>Gets the step-up outcome.</summary>
    public ChallengeResult Result { get; }
}
