using AuthClient.Sessions;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

/// <summary>Before sign-in, and what a session prints.</summary>
public sealed partial class WeavrSessionTests
{
    [Fact]
    public async Task StepUpAsync_BeforeSignIn_ThrowsStateExceptionAndSendsNothing()
    {
        var session = await _host.Sessions.GetOrCreateAsync(UserKey);

        var ex = await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.StepUpAsync());

        Assert.Equal(WeavrSessionState.Anonymous, ex.State);
        Assert.Equal([WeavrSessionState.Access, WeavrSessionState.SteppedUp], ex.RequiredStates);
        await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.StartOtpStepUpAsync());
        await Assert.ThrowsAsync<WeavrSessionStateException>(() => session.UpdatePasswordAsync(Password, "N3w!password"));
        Assert.Equal(0, _host.RequestCount);
    }

    [Fact]
    public async Task ToString_SessionAndSnapshot_NeverContainTokens()
    {
        var session = await _host.SignInAsync();
        var snapshot = ((WeavrSession)session).ToSnapshot();

        Assert.Equal("access-1", snapshot.Token?.Reveal());
        Assert.Equal("auth-1", snapshot.AuthToken?.Reveal());
        foreach (var text in new[] { session.ToString()!, snapshot.ToString(), session.Token!.ToString() })
        {
            Assert.DoesNotContain("access-1", text);
            Assert.DoesNotContain("auth-1", text);
        }

        Assert.Contains("State = Access", session.ToString());
        Assert.Contains("[redacted]", snapshot.ToString());
    }
}
