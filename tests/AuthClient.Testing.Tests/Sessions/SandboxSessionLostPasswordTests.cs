using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Testing.Tests.Sessions;

/// <summary>A session resuming a forgotten password against the emulator: signed in like a password login.</summary>
public sealed class SandboxSessionLostPasswordTests
{
    [Fact]
    public async Task ResumeLostPasswordAsync_ContinuesIntoASignedInSession()
    {
        await using var h = await SandboxSessionStepUpReplayTests.SessionSandbox.StartAsync();
        var weavr = h.Services.GetRequiredService<IWeavrAuthClient>();
        await weavr.StartLostPasswordAsync(TestUsers.Sms);
        var session = await h.Sessions.GetOrCreateAsync(TestUsers.Sms);

        var state = await session.ResumeLostPasswordAsync(TestUsers.Sms, "654321", "R3set-Passw0rd");

        Assert.Equal(WeavrSessionState.Access, state);
        Assert.NotNull(session.Identity);
        Assert.NotNull(await session.GetAuthenticationFactorsAsync());
        Assert.Equal(
            ["/multi/passwords/lost_password/start", "/multi/passwords/validate", "/multi/passwords/lost_password/resume", "/multi/identities", "/multi/access_token", "/multi/authentication_factors"],
            h.Sandbox.RequestLog.Select(e => e.Path));
    }

    [Fact]
    public async Task ResumeLostPasswordAsync_PolicyRefusal_IsTypedAndTheNonceIsNotSpent()
    {
        await using var h = await SandboxSessionStepUpReplayTests.SessionSandbox.StartAsync();
        await h.Services.GetRequiredService<IWeavrAuthClient>().StartLostPasswordAsync(TestUsers.Sms);
        var session = await h.Sessions.GetOrCreateAsync(TestUsers.Sms);

        var ex = await Assert.ThrowsAsync<WeavrPasswordPolicyException>(() => session.ResumeLostPasswordAsync(TestUsers.Sms, "654321", "simple"));

        Assert.Equal(PasswordPolicyOutcome.TooShort, ex.Outcome);
        Assert.Equal(WeavrSessionState.Anonymous, session.State);
        Assert.DoesNotContain(h.Sandbox.RequestLog, e => e.Path.EndsWith("/resume", StringComparison.Ordinal));
        Assert.Equal(WeavrSessionState.Access, await session.ResumeLostPasswordAsync(TestUsers.Sms, "654321", "R3set-Passw0rd"));
    }
}
