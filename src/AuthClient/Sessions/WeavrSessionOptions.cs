using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>Session settings; see <see cref="WeavrSessionDefaults"/> for the defaults.</summary>
public sealed class WeavrSessionOptions
{
    /// <summary>The configuration section name, under the <c>AuthClient</c> section (or a programme's section), that
    /// <c>AddSessions()</c> binds when <c>AddAuthClient</c> was bound from configuration.</summary>
    public const string SectionName = "Sessions";

    /// <summary>Gets or sets how long a session stays valid after its last successful call. Default 5 minutes
    /// (Weavr's sliding token lifetime); never set it longer than the server's.</summary>
    public TimeSpan IdleTimeout { get; set; } = WeavrSessionDefaults.IdleTimeout;

    /// <summary>Gets or sets how a session steps up when a call answers 403 <c>STEP_UP_REQUIRED</c>. Default <see cref="StepUpMethod.Otp"/>.</summary>
    public StepUpMethod StepUpMethod { get; set; } = WeavrSessionDefaults.Method;

    /// <summary>Gets or sets the OTP channel. Default (and only valid value) <see cref="ScaChannel.Sms"/>.</summary>
    public ScaChannel OtpChannel { get; set; } = WeavrSessionDefaults.OtpChannel;

    /// <summary>Gets or sets the push channel: <see cref="ScaChannel.Authy"/> (default) or <see cref="ScaChannel.Biometric"/>.</summary>
    public ScaChannel PushChannel { get; set; } = WeavrSessionDefaults.PushChannel;

    /// <summary>Gets or sets how long to wait for the webhook answering a push step-up or a biometric sign-in. Default 2 minutes.</summary>
    public TimeSpan PushTimeout { get; set; } = WeavrSessionDefaults.PushTimeout;

    /// <summary>Gets or sets how long to wait for the webhook answering a push enrolment. Default 5 minutes.</summary>
    public TimeSpan EnrolmentTimeout { get; set; } = WeavrSessionDefaults.EnrolmentTimeout;

    /// <summary>Gets or sets how long a session refuses to sign in after a 423. Default 30 minutes, as Weavr documents.</summary>
    public TimeSpan LockDuration { get; set; } = WeavrSessionDefaults.LockDuration;

    /// <summary>Gets or sets how many codes the <see cref="IOtpCodeProvider"/> is asked for per challenge (wrong codes
    /// included) before the step-up gives up. Default 3.</summary>
    public int MaxOtpAttempts { get; set; } = WeavrSessionDefaults.MaxOtpAttempts;

    /// <summary>Gets or sets how long a webhook event that arrived before anyone awaited it (the POST's answer was
    /// still on its way) is kept for its waiter. Default 2 minutes.</summary>
    public TimeSpan EarlyEventRetention { get; set; } = WeavrSessionDefaults.EarlyEventRetention;

    /// <summary>Gets or sets how long writing a session to its store may take. The write runs on this timeout rather
    /// than the caller's token, so an aborted request does not lose a step-up or logout. Default 5 seconds.</summary>
    public TimeSpan PersistTimeout { get; set; } = WeavrSessionDefaults.PersistTimeout;
}
