namespace AuthClient.Sessions;

/// <summary>
/// The outcome of a sign-in via biometrics. On success the session is signed in (usually
/// <see cref="WeavrSessionState.SteppedUp"/>); otherwise <see cref="Outcome"/> says why: declined, expired, timed out,
/// or the channel is not registered/supported (a 409 of <c>/login_via_biometrics</c>).
/// </summary>
public sealed record BiometricSignInResult
{
    /// <summary>Gets how the sign-in ended: <see cref="ChallengeOutcome.Verified"/>, <see cref="ChallengeOutcome.Declined"/>,
    /// <see cref="ChallengeOutcome.Expired"/>, <see cref="ChallengeOutcome.TimedOut"/>,
    /// <see cref="ChallengeOutcome.ChannelNotRegistered"/>, <see cref="ChallengeOutcome.ChannelNotSupported"/> or
    /// <see cref="ChallengeOutcome.Rejected"/>.</summary>
    public required ChallengeOutcome Outcome { get; init; }

    /// <summary>Gets the session (signed in when <see cref="Succeeded"/>; otherwise in its previous state).</summary>
    public required IWeavrSession Session { get; init; }

    /// <summary>Gets the challenge id of the biometric push, once the login was accepted.</summary>
    public string? ChallengeId { get; init; }

    /// <summary>Gets the server's <c>errorCode</c> when the outcome came from a 409 answer.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the <c>request-ref</c> of the last call, to quote to Weavr support.</summary>
    public string? RequestRef { get; init; }

    /// <summary>Gets a value indicating whether the user approved and the session is signed in.</summary>
    public bool Succeeded => Outcome == ChallengeOutcome.Verified;
}
