using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests.Support;

/// <summary>The users most tests seed.</summary>
internal static class TestUsers
{
    public const string Sms = "ada@example.com";
    public const string Plain = "grace@example.com";
    public const string NoMobile = "edsger@example.com";
    public const string Expired = "alan@example.com";
    public const string Biometric = "kat@example.com";
    public const string Authy = "joan@example.com";

    /// <summary>Seeds one user of each kind.</summary>
    public static SandboxBuilder WithTestUsers(this SandboxBuilder builder) => builder
        .WithUser(u => u.Email(Sms).Identity(IdentityType.Consumer, "Ada Lovelace").WithSms())
        .WithUser(u => u.Email(Plain))
        .WithUser(u => u.Email(NoMobile).NoMobile())
        .WithUser(u => u.Email(Expired).PasswordExpired())
        .WithUser(u => u.Email(Biometric).WithSms().WithBiometric())
        .WithUser(u => u.Email(Authy).WithSms().WithAuthy());
}
