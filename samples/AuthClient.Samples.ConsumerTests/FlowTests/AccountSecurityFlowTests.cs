using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Samples.ConsumerTests.FlowTests;

/// <summary>The app's <see cref="AccountSecurityService"/> against the emulator: SMS OTP enrolment and step-up (code 123456).</summary>
public sealed class AccountSecurityFlowTests
{
    private const string Email = "ada@example.com";

    [Fact]
    public async Task RemoveAuthyAsync_AfterEnrollingSmsAndSteppingUp_UnlinksTheDevice()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email).WithAuthy()));
        await using var app = TestApp.Create(sandbox);
        var security = app.GetRequiredService<AccountSecurityService>();
        var session = (await app.GetRequiredService<SignInService>().SignInAsync(Email, SandboxUser.DefaultPassword)).Session!;

        Assert.Equal(DeviceRemovalOutcome.StepUpRequired, await security.RemoveAuthyAsync(session.AccessToken));
        Assert.Equal(SmsEnrolmentOutcome.CodeSent, await security.EnsureSmsOtpAsync(session.AccessToken));
        Assert.Equal(OtpCheckOutcome.Verified, await security.ConfirmSmsOtpAsync(session.AccessToken, "123456"));
        await security.StartStepUpAsync(session.AccessToken);
        Assert.Equal(OtpCheckOutcome.Verified, await security.CompleteStepUpAsync(session.AccessToken, "123456"));
        Assert.Equal(DeviceRemovalOutcome.Removed, await security.RemoveAuthyAsync(session.AccessToken));

        Assert.Equal(ScaFactorStatus.Active, sandbox.GetUser(Email).GetFactorStatus(ScaChannel.Sms));
        Assert.Null(sandbox.GetUser(Email).GetFactorStatus(ScaChannel.Authy));
    }

    [Fact]
    public async Task CompleteStepUpAsync_ThreeWrongCodes_AsksToStartAgain()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email).WithSms()));
        await using var app = TestApp.Create(sandbox);
        var security = app.GetRequiredService<AccountSecurityService>();
        var session = (await app.GetRequiredService<SignInService>().SignInAsync(Email, SandboxUser.DefaultPassword)).Session!;
        await security.StartStepUpAsync(session.AccessToken);

        OtpCheckOutcome[] outcomes =
        [
            await security.CompleteStepUpAsync(session.AccessToken, "000000"),
            await security.CompleteStepUpAsync(session.AccessToken, "000000"),
            await security.CompleteStepUpAsync(session.AccessToken, "000000"),
            await security.CompleteStepUpAsync(session.AccessToken, "123456"), // too late: the challenge is spent
        ];

        Assert.Equal([OtpCheckOutcome.WrongCode, OtpCheckOutcome.WrongCode, OtpCheckOutcome.StartAgain, OtpCheckOutcome.StartAgain], outcomes);
    }
}
