namespace AuthClient.Sessions;

/// <summary>How a session steps up its ACCESS token when a call needs it.</summary>
public enum StepUpMethod
{
    /// <summary>An SMS one-time password, read from the registered <see cref="IOtpCodeProvider"/>.</summary>
    Otp,

    /// <summary>A push (Authy or biometric); the outcome arrives on the <c>/stepup/watch</c> webhook.</summary>
    Push,
}
