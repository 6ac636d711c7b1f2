namespace AuthClient.Webhooks;

/// <summary>The observed <see cref="StepUpEvent.Type"/> values (the set is open).</summary>
public static class StepUpEventTypes
{
    /// <summary>An SMS OTP step-up.</summary>
    public const string SmsOtp = "SMS_OTP";

    /// <summary>An Authy push step-up.</summary>
    public const string AuthyPush = "AUTHY_PUSH";

    /// <summary>A biometric push: a step-up or a login via biometrics.</summary>
    public const string Biometric = "BIOMETRIC";
}
