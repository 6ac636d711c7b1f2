namespace AuthClient.Testing;

/// <summary>
/// The demo data <see cref="SandboxBuilder.WithDemoUsers"/> seeds and the standalone sandbox server uses. Demo
/// credentials only: they work against the sandbox and nowhere else.
/// </summary>
public static class SandboxDemo
{
    /// <summary>The demo api key: <c>sbx_demo_api_key</c>.</summary>
    public const string ApiKey = "sbx_demo_api_key";

    /// <summary>The demo Transmit client id.</summary>
    public const string TransmitClientId = "sbx-demo-client";

    /// <summary>The demo Transmit client secret.</summary>
    public const string TransmitClientSecret = "sbx-demo-secret";

    /// <summary>Every demo user's password (<see cref="SandboxUser.DefaultPassword"/>).</summary>
    public const string Password = SandboxUser.DefaultPassword;

    /// <summary>A consumer with an active SMS factor: log in, exchange, step up with 123456.</summary>
    public const string SmsUser = "ada@sandbox.test";

    /// <summary>A consumer with a mobile number and no factors: enrol SMS or Authy.</summary>
    public const string NewUser = "grace@sandbox.test";

    /// <summary>A consumer whose password has expired: login answers 409 with a temporary token.</summary>
    public const string ExpiredPasswordUser = "alan@sandbox.test";

    /// <summary>A user with biometric, Authy and SMS factors and two identities (consumer and corporate).</summary>
    public const string BiometricUser = "katherine@sandbox.test";

    /// <summary>A consumer with no mobile number: OTP enrolment answers <c>MOBILE_NUMBER_NOT_AVAILABLE</c>.</summary>
    public const string NoMobileUser = "edsger@sandbox.test";

    internal static void Seed(SandboxBuilder builder) => builder
        .WithUser(u => u.Email(SmsUser).Identity(Weavr.Models.IdentityType.Consumer, "Ada Lovelace", "110000000001").MobileNumber("+35699000001").WithSms().TransmitUserId("ada"))
        .WithUser(u => u.Email(NewUser).Identity(Weavr.Models.IdentityType.Consumer, "Grace Hopper", "110000000002").MobileNumber("+35699000002").TransmitUserId("grace"))
        .WithUser(u => u.Email(ExpiredPasswordUser).Identity(Weavr.Models.IdentityType.Consumer, "Alan Turing", "110000000003").MobileNumber("+35699000003").WithSms().PasswordExpired().TransmitUserId("alan"))
        .WithUser(u => u.Email(BiometricUser)
            .Identity(Weavr.Models.IdentityType.Consumer, "Katherine Johnson", "110000000004")
            .Identity(Weavr.Models.IdentityType.Corporate, "Johnson Aeronautics Ltd", "110000000005")
            .MobileNumber("+35699000004").WithSms().WithAuthy().WithBiometric().TransmitUserId("katherine"))
        .WithUser(u => u.Email(NoMobileUser).Identity(Weavr.Models.IdentityType.Consumer, "Edsger Dijkstra", "110000000006").NoMobile().TransmitUserId("edsger"));
}
