using AuthClient.Testing;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples;

/// <summary>
/// The users the embedded emulator is seeded with. Sandbox-only values: the passwords are never printed, and they
/// open nothing but this process's emulator.
/// </summary>
internal static class DemoUsers
{
    /// <summary>Jane: two identities, Authy and biometrics enrolled on her phone, no SMS factor yet.</summary>
    public static class Jane
    {
        public const string UserKey = "jane";
        public const string Email = "jane@example.com";
        public const string Password = "Jane-Passw0rd!";
        public const string TransmitUserId = "jane";
        public static readonly IdentityId Consumer = new(IdentityType.Consumer, "110000000101");
        public static readonly IdentityId Corporate = new(IdentityType.Corporate, "110000000102");
    }

    /// <summary>Alan: one identity, SMS enrolled, and a password that has expired.</summary>
    public static class Alan
    {
        public const string UserKey = "alan";
        public const string Email = "alan@example.com";
        public const string Password = "Alan-Passw0rd!";
        public const string NewPassword = "Alan-N3w-Passw0rd!";
        public const string ResetPassword = "Alan-R3set-Passw0rd!";
    }

    /// <summary>Grace: one identity; signs in with a one-time token, then an administrator deactivates her.</summary>
    public static class Grace
    {
        public const string UserKey = "grace";
        public const string Email = "grace@example.com";
        public const string Password = "Grace-Passw0rd!";
        public static readonly IdentityId Consumer = new(IdentityType.Consumer, "110000000301");
    }

    /// <summary>The SMS code the emulator accepts (like Weavr's sandbox).</summary>
    public const string OtpCode = "123456";

    public static void Seed(SandboxBuilder sandbox) => sandbox
        .WithUser(u => u.Email(Jane.Email).Password(Jane.Password)
            .Identity(Jane.Consumer.Type, "Jane Doe", Jane.Consumer.Id)
            .Identity(Jane.Corporate.Type, "Doe Ventures Ltd", Jane.Corporate.Id)
            .MobileNumber("+35699000101")
            .WithAuthy()
            .WithBiometric()
            .TransmitUserId(Jane.TransmitUserId))
        .WithUser(u => u.Email(Alan.Email).Password(Alan.Password)
            .Identity(IdentityType.Consumer, "Alan Turing", "110000000201")
            .MobileNumber("+35699000201")
            .WithSms()
            .PasswordExpired())
        .WithUser(u => u.Email(Grace.Email).Password(Grace.Password)
            .Identity(Grace.Consumer.Type, "Grace Hopper", Grace.Consumer.Id)
            .MobileNumber("+35699000301"));
}
