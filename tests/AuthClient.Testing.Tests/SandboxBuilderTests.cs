using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests;

public sealed class SandboxBuilderTests
{
    [Fact]
    public void Start_UserWithoutEmail_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SandboxBuilder().WithUser(u => u.WithSms()).Start());

        Assert.Contains("Email", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TwoUsersWithTheSameEmail_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new SandboxBuilder()
            .WithUser(u => u.Email("a@example.com"))
            .WithUser(u => u.Email("A@example.com"))
            .Start());
    }

    [Fact]
    public void Start_SmsFactorWithoutMobile_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new SandboxBuilder().WithUser(u => u.Email("a@example.com").NoMobile().WithSms()).Start());
    }

    [Fact]
    public void Start_InvalidRules_ThrowNamingTheRule()
    {
        Assert.Equal("OtpCode", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithRules(r => r.OtpCode = "12345").Start()).ParamName);
        Assert.Equal("OtpAttemptLimit", Assert.Throws<ArgumentOutOfRangeException>(() => new SandboxBuilder().WithRules(r => r.OtpAttemptLimit = 0).Start()).ParamName);
        Assert.Equal("TokenIdleTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new SandboxBuilder().WithRules(r => r.TokenIdleTimeout = TimeSpan.Zero).Start()).ParamName);
    }

    [Fact]
    public void UserBuilder_InvalidInput_ThrowsNamingTheParameter()
    {
        Assert.Equal("email", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithUser(u => u.Email("not-an-email"))).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithUser(u => u.Identity(IdentityType.Consumer, "X", "12a"))).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithUser(u => u.WithFactor(new ScaChannel("EMAIL")))).ParamName);
    }

    [Fact]
    public async Task Start_Defaults_GiveEachUserAPasswordAnIdentityAndAMobile()
    {
        await using var first = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email("grace@example.com")));
        await using var second = await WeavrSandbox.StartAsync();

        var user = first.GetUser("GRACE@example.com");
        Assert.Equal(SandboxUser.DefaultPassword, user.Password);
        Assert.Equal(new UserIdentity(user.Identity, "grace"), Assert.Single(user.Identities));
        Assert.Equal(IdentityType.Consumer, user.Identity.Type);
        Assert.Matches("^[0-9]+$", user.Identity.Id);
        Assert.StartsWith("+356", user.MobileNumber, StringComparison.Ordinal);
        Assert.Null(user.GetFactorStatus(ScaChannel.Sms));
        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.Empty(second.Users);
        Assert.Equal($"http://127.0.0.1:{first.Port}", first.Url);
        Assert.Equal(first.Url + "/multi", first.WeavrBaseUrl);
    }

    [Fact]
    public async Task ToString_NeverPrintsThePasswordOrTheApiKey()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithApiKey("very-secret-key").WithUser(u => u.Email("a@example.com").Password("S3cret-Passw0rd")));

        Assert.DoesNotContain("very-secret-key", sandbox.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret-Passw0rd", sandbox.GetUser("a@example.com").ToString(), StringComparison.Ordinal);
        Assert.Contains("a@example.com", sandbox.GetUser("a@example.com").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithDemoUsers_SeedsTheDocumentedDemoUsers()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithDemoUsers().WithApiKey(SandboxDemo.ApiKey));

        Assert.Equal(5, sandbox.Users.Count);
        Assert.Equal(ScaFactorStatus.Active, sandbox.GetUser(SandboxDemo.SmsUser).GetFactorStatus(ScaChannel.Sms));
        Assert.Null(sandbox.GetUser(SandboxDemo.NewUser).GetFactorStatus(ScaChannel.Sms));
        Assert.True(sandbox.GetUser(SandboxDemo.ExpiredPasswordUser).IsPasswordExpired);
        Assert.Equal(ScaFactorStatus.Active, sandbox.GetUser(SandboxDemo.BiometricUser).GetFactorStatus(ScaChannel.Biometric));
        Assert.Equal(2, sandbox.GetUser(SandboxDemo.BiometricUser).Identities.Count);
        Assert.Null(sandbox.GetUser(SandboxDemo.NoMobileUser).MobileNumber);
        Assert.Equal("110000000001", sandbox.GetUser(SandboxDemo.SmsUser).Identity.Id);
    }

    [Fact]
    public async Task AddUserAndSetFactor_ChangeTheRunningSandbox()
    {
        await using var h = await SandboxHarness.StartAsync(b => { });

        h.Sandbox.AddUser(u => u.Email("late@example.com"));
        h.Sandbox.SetFactor("late@example.com", ScaChannel.Biometric, ScaFactorStatus.Active);
        var login = await h.Client.LoginViaBiometricsAsync("late@example.com");
        h.Sandbox.SetFactor("late@example.com", ScaChannel.Biometric, null);

        Assert.Matches("^[0-9]+$", login.Value.ChallengeId);
        Assert.Null(h.Sandbox.GetUser("late@example.com").GetFactorStatus(ScaChannel.Biometric));
        Assert.Throws<InvalidOperationException>(() => h.Sandbox.AddUser(u => u.Email("late@example.com")));
        Assert.Throws<ArgumentException>(() => h.Sandbox.GetUser("nobody@example.com"));
    }

    [Fact]
    public async Task Start_PortInUse_ThrowsAClearInvalidOperationException()
    {
        await using var first = await WeavrSandbox.StartAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => new SandboxBuilder().WithPort(first.Port).Start());

        Assert.Contains($"127.0.0.1:{first.Port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_StopsTheServer()
    {
        var sandbox = await WeavrSandbox.StartAsync();
        using var http = new HttpClient();

        await sandbox.DisposeAsync();
        sandbox.Dispose(); // Idempotent.

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(sandbox.WeavrBaseUrl + "/identities"));
    }
}
