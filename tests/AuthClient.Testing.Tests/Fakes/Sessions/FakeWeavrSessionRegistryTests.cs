using AuthClient.Sessions;
using AuthClient.Testing.Fakes.Sessions;

namespace AuthClient.Testing.Tests.Fakes.Sessions;

public sealed class FakeWeavrSessionRegistryTests
{
    [Fact]
    public async Task SignIn_CreatesTheUsersSessionOnce_ConfiguredByTheTest_AndFindReturnsIt()
    {
        var registry = new FakeWeavrSessionRegistry { ConfigureSession = s => s.OnSignInWithBiometrics = (_, _) => ChallengeOutcome.Declined };

        var declined = await registry.SignInWithBiometricsAsync("alice", "alice@example.com");
        var session = await registry.SignInWithPasswordAsync("alice", "alice@example.com", "pw");

        Assert.Equal((ChallengeOutcome.Declined, false), (declined.Outcome, declined.Succeeded));
        Assert.Same(declined.Session, session);
        Assert.Same(session, await registry.FindAsync("alice"));
        Assert.Null(await registry.FindAsync("bob"));
        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal(
            ["SignInWithBiometricsAsync { UserKey = alice }", "SignInWithPasswordAsync { UserKey = alice }", "FindAsync { UserKey = alice }", "FindAsync { UserKey = bob }"],
            registry.Calls.Select(c => c.ToString()));
    }

    [Fact]
    public async Task LoggedOutSession_IsNotFound_AndGetOrCreateStartsAFreshOne_WhileAnExpiredOneIsStillFound()
    {
        var registry = new FakeWeavrSessionRegistry();
        var alice = await registry.SignInWithPasswordAsync("alice", "alice@example.com", "pw");
        var bob = registry.Add(new FakeWeavrSession("bob"));
        await bob.SignInWithPasswordAsync("bob@example.com", "pw");
        bob.ExpireNow();

        await alice.LogoutAsync();

        Assert.Null(await registry.FindAsync("alice"));
        var fresh = await registry.GetOrCreateAsync("alice");
        Assert.NotSame(alice, fresh);
        Assert.Equal(WeavrSessionState.Anonymous, fresh.State);
        Assert.Equal(WeavrSessionState.Expired, (await registry.FindAsync("bob"))!.State);
    }

    [Fact]
    public async Task StoreFailure_IsTheTypedStoreException_AndRemoveForgetsTheSession()
    {
        var registry = new FakeWeavrSessionRegistry();
        await registry.SignInWithPasswordAsync("alice", "alice@example.com", "pw");
        var outage = new TimeoutException("redis timed out");
        registry.StoreFailure = outage;

        var ex = await Assert.ThrowsAsync<WeavrSessionStoreException>(() => registry.FindAsync("alice").AsTask());

        Assert.Equal(("alice", outage), (ex.UserKey, ex.InnerException));
        registry.StoreFailure = null;
        await registry.RemoveAsync("alice");
        Assert.Null(await registry.FindAsync("alice"));
        Assert.Empty(registry.Sessions);
    }

    [Fact]
    public async Task BlankUserKey_IsRefused()
    {
        var registry = new FakeWeavrSessionRegistry();

        await Assert.ThrowsAsync<ArgumentException>(() => registry.GetOrCreateAsync(" ").AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => registry.SignInWithPasswordAsync("", "a@example.com", "pw"));
    }
}
