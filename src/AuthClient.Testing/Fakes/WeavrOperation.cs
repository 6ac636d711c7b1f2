namespace AuthClient.Testing.Fakes;

/// <summary>
/// The operations of <see cref="AuthClient.Weavr.IWeavrAuthClient"/>: what a <see cref="WeavrCall"/> recorded, and which
/// method and path a <see cref="WeavrErrors"/> exception describes.
/// </summary>
public enum WeavrOperation
{
    /// <summary><c>LoginWithPasswordAsync</c>: <c>POST /login_with_password</c>.</summary>
    LoginWithPassword,

    /// <summary><c>LoginViaBiometricsAsync</c>: <c>POST /login_via_biometrics</c>.</summary>
    LoginViaBiometrics,

    /// <summary><c>GetIdentitiesAsync</c>: <c>GET /identities</c>.</summary>
    GetIdentities,

    /// <summary><c>RequestAccessTokenAsync</c>: <c>POST /access_token</c>.</summary>
    RequestAccessToken,

    /// <summary><c>GetAuthenticationFactorsAsync</c>: <c>GET /authentication_factors</c>.</summary>
    GetAuthenticationFactors,

    /// <summary><c>EnrolOtpAsync</c>: <c>POST /authentication_factors/otp/{channel}</c>.</summary>
    EnrolOtp,

    /// <summary><c>VerifyOtpEnrolmentAsync</c>: <c>POST /authentication_factors/otp/{channel}/verify</c>.</summary>
    VerifyOtpEnrolment,

    /// <summary><c>EnrolPushAsync</c>: <c>POST /authentication_factors/push/{channel}</c>.</summary>
    EnrolPush,

    /// <summary><c>UnlinkPushAsync</c>: <c>DELETE /authentication_factors/push/{channel}</c>.</summary>
    UnlinkPush,

    /// <summary><c>StartOtpStepUpAsync</c>: <c>POST /stepup/challenges/otp/{channel}</c>.</summary>
    StartOtpStepUp,

    /// <summary><c>VerifyOtpStepUpAsync</c>: <c>POST /stepup/challenges/otp/{channel}/verify</c>.</summary>
    VerifyOtpStepUp,

    /// <summary><c>StartPushStepUpAsync</c>: <c>POST /stepup/challenges/push/{channel}</c>.</summary>
    StartPushStepUp,

    /// <summary><c>LogoutAsync</c>: <c>POST /logout</c>.</summary>
    Logout,

    /// <summary><c>UpdatePasswordAsync</c>: <c>POST /passwords/update</c>.</summary>
    UpdatePassword,

    /// <summary><c>ValidatePasswordAsync</c>: <c>POST /passwords/validate</c>.</summary>
    ValidatePassword,

    /// <summary><c>StartLostPasswordAsync</c>: <c>POST /passwords/lost_password/start</c>.</summary>
    StartLostPassword,

    /// <summary><c>ResumeLostPasswordAsync</c>: <c>POST /passwords/lost_password/resume</c>.</summary>
    ResumeLostPassword,

    /// <summary><c>RequestDelegatedAccessTokenAsync</c>: <c>POST /access_token</c> with <c>clientAssertion</c>.</summary>
    RequestDelegatedAccessToken,

    /// <summary><c>ExchangeOneTimeTokenAsync</c>: <c>POST /access_token</c> with a one-time <c>token</c>.</summary>
    ExchangeOneTimeToken,
}
