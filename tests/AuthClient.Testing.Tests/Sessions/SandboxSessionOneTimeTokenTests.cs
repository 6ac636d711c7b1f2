using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Testing.Tests.Support;

namespace AuthClient.Testing.Tests.Sessions;

/// <summary>A session signed in with a one-time token against the emulator: ACCESS at once, no AUTH token, single use.</summary>
public sealed class SandboxSessionOneTimeTokenTests
{
    [Fact]
    public async Task SignInWithOneTimeTokenAsync_GoesStraightToAccessAndCallsWork()
    {
        await using var h = await SandboxSessionStepUpReplayTests.SessionSandbox.StartAsync();
        var identity = h.Sandbox.GetUser(TestUsers.Sms).Identities[0].Id;
        IWeavrSessionRegistry sessions = h.Sessions;

        #region one-time-token-sign-in
        // The one-time token (a Secret) comes from the flow that issued it; the emulator issues one on request.
        Secret oneTime = h.Sandbox.IssueOneTimeToken(TestUsers.Sms, identity);
        IWeavrSession session = await sessions.SignInWithOneTimeTokenAsync("ada", TestUsers.Sms, identity, oneTime);
        #endregion

        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal(identity, session.Identity);
        Assert.NotNull(await session.GetAuthenticationFactorsAsync());
        Assert.Equal(["/multi/access_token", "/multi/authentication_factors"], h.Sandbox.RequestLog.Select(e => e.Path));
        Assert.Null(h.Sandbox.RequestLog[0].Header("Authorization"));
    }

    [Fact]
    public async Task SignInWithOneTimeTokenAsync_TokenUsedAlready_ThrowsUnauthorizedAndTheSessionStaysAnonymous()
    {
        await using var h = await SandboxSessionStepUpReplayTests.SessionSandbox.StartAsync();
        var identity = h.Sandbox.GetUser(TestUsers.Sms).Identities[0].Id;
        var oneTime = h.Sandbox.IssueOneTimeToken(TestUsers.Sms);
        await h.Sessions.SignInWithOneTimeTokenAsync("first", TestUsers.Sms, identity, oneTime);

        var ex = await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => h.Sessions.SignInWithOneTimeTokenAsync("second", TestUsers.Sms, identity, oneTime));

        Assert.DoesNotContain(oneTime.Reveal(), ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(WeavrSessionState.Anonymous, (await h.Sessions.GetOrCreateAsync("second")).State);
    }

    [Fact]
    public async Task SignInWithOneTimeTokenAsync_BadInput_ThrowsBeforeSending()
    {
        await using var h = await SandboxSessionStepUpReplayTests.SessionSandbox.StartAsync();
        var identity = h.Sandbox.GetUser(TestUsers.Sms).Identities[0].Id;
        var session = await h.Sessions.GetOrCreateAsync("ada");

        await Assert.ThrowsAsync<ArgumentException>(() => session.SignInWithOneTimeTokenAsync(TestUsers.Sms, identity, Secret.Empty));
        await Assert.ThrowsAsync<ArgumentException>(() => session.SignInWithOneTimeTokenAsync("not-an-email", identity, new Secret("ott")));

        Assert.Empty(h.Sandbox.RequestLog);
    }
}
