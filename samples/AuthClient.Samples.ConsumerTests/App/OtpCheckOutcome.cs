namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>The result of checking a code the user typed.</summary>
public enum OtpCheckOutcome
{
    /// <summary>The code was right.</summary>
    Verified,

    /// <summary>The code was wrong; the user may try again.</summary>
    WrongCode,

    /// <summary>No more attempts, or the code expired: send a new code.</summary>
    StartAgain,
}
