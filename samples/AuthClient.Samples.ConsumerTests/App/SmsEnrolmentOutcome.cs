namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>What <see cref="AccountSecurityService.EnsureSmsOtpAsync"/> did.</summary>
public enum SmsEnrolmentOutcome
{
    /// <summary>SMS OTP was already active: nothing sent.</summary>
    AlreadyActive,

    /// <summary>A code was sent: ask the user for it and call <see cref="AccountSecurityService.ConfirmSmsOtpAsync"/>.</summary>
    CodeSent,

    /// <summary>The user has no mobile number on file.</summary>
    NoMobileNumber,
}
