using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Fakes.Sessions;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests.Fakes.Sessions;

public sealed class FakeWeavrSessionDeactivationTests
{
    private static readonly IdentityId Consumer = new(IdentityType.Consumer, "c-1");

    [Fact]
    public async Task OneTimeTokenSignIn_GoesStraightToAccessForTheTokensIdentity_AndARefusalLeavesTheSessionUnchanged()
    {
        var registry = new FakeWeavrSessionRegistry();

        var session = await registry.SignInWithOneTimeTokenAsync("alice", "alice@example.com", Consumer, Secret.FromString("one-time"));

        Assert.Equal((WeavrSessionState.Access, Consumer), (session.State, session.Identity));
        var bob = registry.Add(new FakeWeavrSession("bob") { OnSignInWithOneTimeToken = (_, _) => throw WeavrErrors.Unauthorized() });
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => bob.SignInWithOneTimeTokenAsync("bob@example.com", Consumer, Secret.FromString("used")));
        Assert.Equal(WeavrSessionState.Anonymous, bob.State);
        await Assert.ThrowsAsync<ArgumentException>(() => bob.SignInWithOneTimeTokenAsync("bob@example.com", Consumer, Secret.Empty));
    }

    [Fact]
    public async Task EndDeactivatedUserSessions_EndsEverySessionOfThatEmail_CaseInsensitive_Once_AndNoOther()
    {
        var registry = new FakeWeavrSessionRegistry();
        var alice = await registry.SignInWithPasswordAsync("alice-web", "Alice@Example.com", "pw");
        var aliceMobile = await registry.SignInWithOneTimeTokenAsync("alice-mobile", "alice@example.com", Consumer, Secret.FromString("t"));
        var bob = await registry.SignInWithPasswordAsync("bob", "bob@example.com", "pw");
        var changes = new List<WeavrSessionStateChangedEventArgs>();
        alice.StateChanged += (_, e) => changes.Add(e);

        var ended = await registry.EndDeactivatedUserSessionsAsync("ALICE@example.com");
        var again = await registry.EndDeactivatedUserSessionsAsync("alice@example.com");

        Assert.Equal((2, 0), (ended, again));
        Assert.Equal((WeavrSessionState.Deactivated, WeavrSessionState.Deactivated, WeavrSessionState.Access), (alice.State, aliceMobile.State, bob.State));
        Assert.Null(alice.Token);
        Assert.Equal([(WeavrSessionState.Access, WeavrSessionState.Deactivated)], changes.Select(c => (c.PreviousState, c.State)));
    }
}
