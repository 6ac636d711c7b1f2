using AuthClient.Sessions;
using AuthClient.Sessions.Internal;
using AuthClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.Server;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

/// <summary>
/// Two "instances" (separate service providers) sharing one versioned store and one Weavr: compare-and-set writes,
/// the per-call version check, the persist timeout, the send-time stamp and idle eviction, all without Redis.
/// </summary>
public sealed class WeavrSessionFarmTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryWeavrSessionStore _store;

    public WeavrSessionFarmTests() => _store = new InMemoryWeavrSessionStore(_time, Options.Create(new WeavrSessionOptions()));

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task StepUpOnOneInstance_IsSeenByTheOtherOnItsNextCall()
    {
        using var a = new SessionTestHost(store: _store, server: _server, time: _time);
        using var b = new SessionTestHost(store: _store, server: _server, time: _time);
        a.StubSmsStepUp();
        a.SetState("standard");
        a.Stub(Get("/authentication_factors"), Json(200, """{"factors":[]}"""));
        var onA = await a.SignInAsync();
        var onB = (await b.Sessions.FindAsync(UserKey))!;
        Assert.Equal(WeavrSessionState.Access, onB.State);

        a.Codes.Enqueue("123456");
        Assert.True((await onA.StepUpWithOtpAsync()).Succeeded);
        await onB.GetAuthenticationFactorsAsync();

        Assert.Equal(WeavrSessionState.SteppedUp, onB.State);
        Assert.Equal(WeavrSessionState.SteppedUp, (await _store.GetAsync(UserKey, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task LogoutOnOneInstance_IsSeenByTheOther_AndItsStaleCopyIsNeverWrittenBack()
    {
        using var a = new SessionTestHost(store: _store, server: _server, time: _time);
        using var b = new SessionTestHost(store: _store, server: _server, time: _time);
        a.Stub(Post("/logout"), Status(204));
        var onA = await a.SignInAsync();
        var onB = (await b.Sessions.FindAsync(UserKey))!;

        await onB.LogoutAsync();

        Assert.Null(await a.Sessions.FindAsync(UserKey));
        await Assert.ThrowsAnyAsync<WeavrSessionException>(() => onA.GetAuthenticationFactorsAsync());
        Assert.Null(await _store.GetAsync(UserKey, CancellationToken.None));
        Assert.Empty(a.Requests("/authentication_factors"));
    }

    [Fact]
    public async Task ConflictingWrite_IsReappliedToTheNewerStoredState()
    {
        using var a = new SessionTestHost(store: _store, server: _server, time: _time);
        var onA = await a.SignInAsync();
        var before = (await _store.GetAsync(UserKey, CancellationToken.None))!;

        // While A's verification is on the wire, another instance writes a newer version (here: without identities).
        a.Stub(Post("/stepup/challenges/otp/SMS/verify"), WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            var newer = before with { Version = before.Version + 1, Identities = [] };
            Assert.True(_store.TrySetAsync(UserKey, newer, before.Version, CancellationToken.None).AsTask().GetAwaiter().GetResult());
            return new WireMock.ResponseMessage { StatusCode = 204 };
        }));

        Assert.True((await onA.VerifyOtpStepUpAsync("123456")).Succeeded);

        var stored = (await _store.GetAsync(UserKey, CancellationToken.None))!;
        Assert.Equal(WeavrSessionState.SteppedUp, stored.State);
        Assert.Equal(before.Version + 2, stored.Version);
        Assert.Empty(stored.Identities);
        Assert.Empty(onA.Identities);
    }

    [Fact]
    public async Task LogoutWithACancelledCaller_IsStillPersisted()
    {
        using var a = new SessionTestHost(store: _store, server: _server, time: _time);
        var session = await a.SignInAsync();
        using var cts = new CancellationTokenSource();
        a.Stub(Post("/logout"), WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            cts.Cancel();
            return new WireMock.ResponseMessage { StatusCode = 204 };
        }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.LogoutAsync(cts.Token));

        Assert.Equal(WeavrSessionState.LoggedOut, session.State);
        Assert.Null(await _store.GetAsync(UserKey, CancellationToken.None));
    }

    [Fact]
    public async Task SlowAnswer_ExpiryRunsFromWhenTheCallWasSent()
    {
        using var a = new SessionTestHost(store: _store, server: _server, time: _time);
        var session = await a.SignInAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var sentAt = _time.GetUtcNow();
        a.Stub(Get("/authentication_factors"), WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(5)); // below the HTTP timeout, which runs on the same clock
            return WeavrSessionTests.JsonMessage(200, """{"factors":[]}""");
        }));

        await session.GetAuthenticationFactorsAsync();

        Assert.Equal(sentAt + TimeSpan.FromMinutes(5), session.ExpiresAt);
    }

    [Fact]
    public async Task IdleSessions_AreEvictedFromTheRegistryAndTheStore()
    {
        using var a = new SessionTestHost(store: _store, server: _server, time: _time);
        var session = (WeavrSession)await a.SignInAsync();
        var registry = (WeavrSessionRegistry)a.Sessions;
        Assert.Equal(1, registry.LiveCount);
        Assert.Equal(1, _store.Count);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(session.IsEvictable(_time.GetUtcNow()));
        Assert.Equal(1, _store.Count);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await a.Sessions.FindAsync("someone-else"));
        Assert.Equal(0, registry.LiveCount);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task DefaultRegistration_UsesTheEvictingVersionedStore()
    {
        using var a = new SessionTestHost(server: _server, time: _time);
        await a.SignInAsync();
        var store = Assert.IsType<InMemoryWeavrSessionStore>(a.Provider.GetRequiredService<IWeavrSessionStore>());

        Assert.Equal(1, store.Count);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, store.Count);
    }
}
