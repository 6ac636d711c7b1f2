using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>The default session settings, in one place.</summary>
public static class WeavrSessionDefaults
{
    /// <summary>Idle timeout: 5 minutes, Weavr's token lifetime from last activity.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for a push step-up or biometric sign-in answer: 2 minutes.</summary>
    public static readonly TimeSpan PushTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long a push enrolment waits for its <c>/authentication_factors/watch</c> answer: 5 minutes.</summary>
    public static readonly TimeSpan EnrolmentTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long an account stays locked after a 423: 30 minutes, as Weavr documents.</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    /// <summary>How long a webhook event that arrived before anyone waited for it is kept: 2 minutes.</summary>
    public static readonly TimeSpan EarlyEventRetention = TimeSpan.FromMinutes(2);

    /// <summary>How long writing a session to its store may take: 5 seconds.</summary>
    public static readonly TimeSpan PersistTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Step-up method: <see cref="StepUpMethod.Otp"/>.</summary>
    public const StepUpMethod Method = StepUpMethod.Otp;

    /// <summary>Codes asked of the <see cref="IOtpCodeProvider"/> per challenge: 3.</summary>
    public const int MaxOtpAttempts = 3;

    /// <summary>OTP channel: <see cref="ScaChannel.Sms"/> (the only one Weavr offers).</summary>
    public static ScaChannel OtpChannel => ScaChannel.Sms;

    /// <summary>Push channel: <see cref="ScaChannel.Authy"/>.</summary>
    public static ScaChannel PushChannel => ScaChannel.Authy;
}
