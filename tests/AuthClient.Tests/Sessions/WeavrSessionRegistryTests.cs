using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed class WeavrSessionRegistryTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryWeavrSessionStore _store = new();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task SignInWithPasswordAsync_Snapshot_ResumesInANewProcess()
    {
        using (var first = new SessionTestHost(store: _store, server: _server, time: _time))
        {
            await first.SignInAsync();
        }

        var snapshot = (await _store.GetAsync(UserKey, CancellationToken.None))!;
        Assert.Equal(WeavrSessionState.Access, snapshot.State);
        Assert.Equal("access-1", snapshot.Token?.Reveal());
        Assert.Equal(Start, snapshot.LastActivityAt);
        Assert.True(snapshot.Version > 0);

        using var second = new SessionTestHost(store: _store, server: _server, time: _time);
        second.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer access-1"), Json(200, """{"factors":[]}"""));
        _time.Advance(TimeSpan.FromMinutes(3));
        var session = (await second.Sessions.FindAsync(UserKey))!;

        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal(Consumer11, session.Identity);
        Assert.Empty(await session.GetAuthenticationFactorsAsync());
        Assert.Equal(Start + TimeSpan.FromMinutes(3), (await _store.GetAsync(UserKey, CancellationToken.None))!.LastActivityAt);
    }

    [Fact]
    public async Task FindAsync_SnapshotPastTheIdleTimeout_IsExpiredAndSendsNothing()
    {
        await _store.SetAsync(UserKey, new WeavrSessionSnapshot
        {
            UserKey = UserKey,
            State = WeavrSessionState.SteppedUp,
            Token = new Secret("access-1"),
            TokenStatus = AccessTokenStatus.SteppedUp,
            LastActivityAt = Start - TimeSpan.FromMinutes(5),
        }, CancellationToken.None);
        using var host = new SessionTestHost(store: _store, server: _server, time: _time);

        var session = (await host.Sessions.FindAsync(UserKey))!;

        Assert.Equal(WeavrSessionState.Expired, session.State);
        await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.GetAuthenticationFactorsAsync());
        Assert.Equal(0, host.RequestCount);
    }

    [Fact]
    public async Task SignInWithPasswordAsync_TwoUsers_KeepTheirOwnTokens()
    {
        using var host = new SessionTestHost(store: _store, server: _server, time: _time);
        host.StubPasswordLogin("auth-a", "a@example.com");
        host.StubPasswordLogin("auth-b", "b@example.com");
        host.StubIdentities("auth-a", ("CONSUMER", "11", "A"));
        host.StubIdentities("auth-b", ("CONSUMER", "21", "B"));
        host.StubAccessToken("auth-a", token: "access-a", identityId: "11");
        host.StubAccessToken("auth-b", token: "access-b", identityId: "21");
        host.Stub(Get("/authentication_factors"), Json(200, """{"factors":[]}"""));

        var a = await host.Sessions.SignInWithPasswordAsync("user-a", "a@example.com", Password);
        var b = await host.Sessions.SignInWithPasswordAsync("user-b", "b@example.com", Password);
        await Task.WhenAll(a.GetAuthenticationFactorsAsync(), b.GetAuthenticationFactorsAsync());

        Assert.NotSame(a, b);
        Assert.Same(a, await host.Sessions.FindAsync("user-a"));
        Assert.Equal(new IdentityId(IdentityType.Consumer, "21"), b.Identity);
        Assert.Equal(
            ["Bearer access-a", "Bearer access-b"],
            host.Requests("/authentication_factors").Select(e => Header(e, "Authorization")).Order());
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public async Task GetOrCreateAsync_SameKey_SameAnonymousSession()
    {
        using var host = new SessionTestHost(store: _store, server: _server, time: _time);

        Assert.Null(await host.Sessions.FindAsync(UserKey));
        var session = await host.Sessions.GetOrCreateAsync(UserKey);

        Assert.Same(session, await host.Sessions.GetOrCreateAsync(UserKey));
        Assert.Equal(WeavrSessionState.Anonymous, session.State);
        Assert.Equal(UserKey, session.UserKey);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Sessions.GetOrCreateAsync(" ").AsTask());
    }

    [Fact]
    public async Task RemoveAsync_ForgetsTheSessionHereAndInTheStore()
    {
        using var host = new SessionTestHost(store: _store, server: _server, time: _time);
        await host.SignInAsync();

        await host.Sessions.RemoveAsync(UserKey);

        Assert.Null(await host.Sessions.FindAsync(UserKey));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task LogoutAsync_ForgetsTheSession_AndSigningInAgainOnItRestoresIt()
    {
        using var host = new SessionTestHost(store: _store, server: _server, time: _time);
        host.Stub(Post("/logout"), Status(204));
        var session = await host.SignInAsync();

        await session.LogoutAsync();
        Assert.Null(await host.Sessions.FindAsync(UserKey));
        Assert.Equal(0, _store.Count);

        Assert.Equal(WeavrSessionState.Access, await session.SignInWithPasswordAsync(Email, Password));
        Assert.Same(session, await host.Sessions.FindAsync(UserKey));
        Assert.Equal(WeavrSessionState.Access, (await _store.GetAsync(UserKey, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Expiry_IsPersistedWithoutTokens()
    {
        using var host = new SessionTestHost(store: _store, server: _server, time: _time);
        var session = await host.SignInAsync();
        _time.Advance(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<WeavrSessionExpiredException>(() => session.GetAuthenticationFactorsAsync());

        var snapshot = (await _store.GetAsync(UserKey, CancellationToken.None))!;
        Assert.Equal(WeavrSessionState.Expired, snapshot.State);
        Assert.Null(snapshot.Token);
        Assert.Null(snapshot.AuthToken);
    }

    [Fact]
    public async Task StoreFailure_DoesNotFailTheSession()
    {
        using var host = new SessionTestHost(store: new FailingStore(), server: _server, time: _time);

        var session = await host.SignInAsync();

        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Same(session, await host.Sessions.FindAsync(UserKey));
    }

    private sealed class FailingStore : IWeavrSessionStore
    {
        public ValueTask<WeavrSessionSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken) => ValueTask.FromResult<WeavrSessionSnapshot?>(null);

        public ValueTask SetAsync(string userKey, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken) => throw new IOException("store down");
    }
}
