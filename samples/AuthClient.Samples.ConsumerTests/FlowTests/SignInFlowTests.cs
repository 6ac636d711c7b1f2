using AuthClient.Errors;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Samples.ConsumerTests.FlowTests;

/// <summary>The app's <see cref="SignInService"/> against the emulator: real HTTP on 127.0.0.1, real SDK pipeline.</summary>
public sealed class SignInFlowTests
{
    private const string Email = "ada@example.com";

    [Fact]
    public async Task SignInAsync_UserWithTwoIdentities_OpensAStandardSessionOnThePreferredOne()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u
            .Email(Email).Identity(IdentityType.Consumer, "Ada").Identity(IdentityType.Corporate, "Ada Ltd")));
        await using var app = TestApp.Create(sandbox);

        var result = await app.GetRequiredService<SignInService>().SignInAsync(Email, SandboxUser.DefaultPassword, IdentityType.Corporate);

        Assert.Equal(SignInStatus.SignedIn, result.Status);
        Assert.Equal(("Ada Ltd", IdentityType.Corporate, false), (result.Session!.IdentityName, result.Session.Identity.Type, result.Session.IsSteppedUp));
    }

    [Fact]
    public async Task SignInAsync_ExpiredPassword_ChangesItThenSignsIn()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email).PasswordExpired()));
        await using var app = TestApp.Create(sandbox);
        var signIn = app.GetRequiredService<SignInService>();

        var expired = await signIn.SignInAsync(Email, SandboxUser.DefaultPassword);
        var tooSimple = await signIn.ChangeExpiredPasswordAsync(expired.TemporaryToken!, SandboxUser.DefaultPassword, "password");
        var changed = await signIn.ChangeExpiredPasswordAsync(expired.TemporaryToken!, SandboxUser.DefaultPassword, "N3w-Passw0rd!");

        Assert.Equal(SignInStatus.PasswordChangeRequired, expired.Status);
        Assert.Equal((SignInStatus.PasswordRejected, WeavrErrorCodes.PasswordTooSimple), (tooSimple.Status, tooSimple.Reason));
        Assert.Equal(SignInStatus.SignedIn, changed.Status);
        Assert.Equal("N3w-Passw0rd!", sandbox.GetUser(Email).Password);
    }

    [Fact]
    public async Task SignInAsync_FiveWrongPasswords_LocksTheAccountForThirtyMinutes()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email)).WithTimeProvider(time));
        await using var app = TestApp.Create(sandbox, time);
        var signIn = app.GetRequiredService<SignInService>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(SignInStatus.InvalidCredentials, (await signIn.SignInAsync(Email, "wrong-password")).Status);
        }

        var locked = await signIn.SignInAsync(Email, SandboxUser.DefaultPassword);
        time.Advance(TimeSpan.FromMinutes(30));
        var later = await signIn.SignInAsync(Email, SandboxUser.DefaultPassword);

        Assert.Equal((SignInStatus.Locked, TimeSpan.FromMinutes(30)), (locked.Status, locked.RetryAfter));
        Assert.Equal(SignInStatus.SignedIn, later.Status);
    }

    [Fact]
    public async Task SignInAsync_IdentitiesAnswer503Once_TheSdkRetriesAndSignsIn()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email)));
        await using var app = TestApp.Create(sandbox, options: o => o.Resilience.BaseDelay = TimeSpan.Zero); // no back-off in tests
        sandbox.Faults.Next().OnPath("/identities").RespondWith(503);

        var result = await app.GetRequiredService<SignInService>().SignInAsync(Email, SandboxUser.DefaultPassword);

        Assert.Equal(SignInStatus.SignedIn, result.Status);
        Assert.Equal([503, 200], sandbox.RequestLog.Where(r => r.Path.EndsWith("/identities", StringComparison.Ordinal)).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SignInAsync_LoginAnswers503_IsNotRetriedAndThrows()
    {
        // A POST without idempotency-ref may have been processed: the SDK does not resend it, the app sees the error.
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email)));
        await using var app = TestApp.Create(sandbox);
        sandbox.Faults.Next().OnPath("/login_with_password").RespondWith(503);

        var error = await Assert.ThrowsAsync<WeavrServerException>(() => app.GetRequiredService<SignInService>().SignInAsync(Email, SandboxUser.DefaultPassword));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Single(sandbox.RequestLog);
    }
}
