namespace AuthClient.Sessions;

/// <summary>Why a one-time password is being asked for.</summary>
public enum OtpPurpose
{
    /// <summary>To step up the session's ACCESS token.</summary>
    StepUp,

    /// <summary>To complete the enrolment of an SMS OTP factor.</summary>
    Enrolment,
}
