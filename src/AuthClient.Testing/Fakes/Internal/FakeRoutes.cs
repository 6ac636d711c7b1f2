namespace AuthClient.Testing.Fakes.Internal;

/// <summary>
/// The HTTP method and path of each faked operation, as the SDK's exceptions report them: the request path with the
/// default base path (<c>/multi</c>, <c>/cis</c>) and the documented template for path parameters.
/// </summary>
internal static class FakeRoutes
{
    private const string Weavr = "/multi";
    private const string Transmit = "/cis/v1/auth/mobile-biometrics";

    // What the SDK itself reports when it does not know the request.
    private static readonly FakeRoute Unknown = new("?", "?");

    public static FakeRoute Of(WeavrOperation? operation) => operation switch
    {
        null => Unknown,
        WeavrOperation.LoginWithPassword => new("POST", Weavr + "/login_with_password"),
        WeavrOperation.LoginViaBiometrics => new("POST", Weavr + "/login_via_biometrics"),
        WeavrOperation.GetIdentities => new("GET", Weavr + "/identities"),
        WeavrOperation.RequestAccessToken or WeavrOperation.RequestDelegatedAccessToken or WeavrOperation.ExchangeOneTimeToken => new("POST", Weavr + "/access_token"),
        WeavrOperation.GetAuthenticationFactors => new("GET", Weavr + "/authentication_factors"),
        WeavrOperation.EnrolOtp => new("POST", Weavr + "/authentication_factors/otp/{channel}"),
        WeavrOperation.VerifyOtpEnrolment => new("POST", Weavr + "/authentication_factors/otp/{channel}/verify"),
        WeavrOperation.EnrolPush => new("POST", Weavr + "/authentication_factors/push/{channel}"),
        WeavrOperation.UnlinkPush => new("DELETE", Weavr + "/authentication_factors/push/{channel}"),
        WeavrOperation.StartOtpStepUp => new("POST", Weavr + "/stepup/challenges/otp/{channel}"),
        WeavrOperation.VerifyOtpStepUp => new("POST", Weavr + "/stepup/challenges/otp/{channel}/verify"),
        WeavrOperation.StartPushStepUp => new("POST", Weavr + "/stepup/challenges/push/{channel}"),
        WeavrOperation.Logout => new("POST", Weavr + "/logout"),
        WeavrOperation.UpdatePassword => new("POST", Weavr + "/passwords/update"),
        WeavrOperation.ValidatePassword => new("POST", Weavr + "/passwords/validate"),
        WeavrOperation.StartLostPassword => new("POST", Weavr + "/passwords/lost_password/start"),
        WeavrOperation.ResumeLostPassword => new("POST", Weavr + "/passwords/lost_password/resume"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a Weavr operation."),
    };

    public static FakeRoute Of(TransmitOperation? operation) => operation switch
    {
        null => Unknown,
        TransmitOperation.Start => new("POST", Transmit + "/start"),
        TransmitOperation.Authenticate => new("POST", Transmit + "/authenticate"),
        TransmitOperation.Register => new("POST", Transmit + "/register"),
        TransmitOperation.Delete => new("DELETE", Transmit + "/delete"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a Transmit operation."),
    };
}
