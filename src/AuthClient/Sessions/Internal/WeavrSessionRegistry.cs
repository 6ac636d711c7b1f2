using System.Collections.Concurrent;
using AuthClient.Primitives;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Telemetry.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions.Internal;

/// <summary>
/// The default <see cref="IWeavrSessionRegistry"/>: live sessions in memory, snapshots in the store. Sessions idle for
/// twice the idle timeout are forgotten here (swept at most once per idle timeout); the store keeps what it keeps.
/// </summary>
internal sealed class WeavrSessionRegistry : IWeavrSessionRegistry
{
    private readonly ConcurrentDictionary<string, WeavrSession> _live = new(StringComparer.Ordinal);
    private readonly IWeavrSessionStore _store;
    private readonly WeavrSessionServices _services;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _sweepInterval;
    private long _nextSweep;

    public WeavrSessionRegistry(
        IServiceProvider serviceProvider,
        IWeavrSessionStore store,
        PendingChallengeRegistry challenges,
        TimeProvider timeProvider,
        IOptions<WeavrSessionOptions> options,
        ILogger<WeavrSession> logger,
        string programme = "")
    {
        _store = store;
        _timeProvider = timeProvider;
        _sweepInterval = options.Value.IdleTimeout;
        _nextSweep = (timeProvider.GetUtcNow() + _sweepInterval).UtcTicks;
        _services = new WeavrSessionServices
        {
            CreateClient = () => ProgrammeServices.Get<IWeavrAuthClient>(serviceProvider, programme),
            Challenges = challenges,
            TimeProvider = timeProvider,
            Options = options.Value,
            Logger = logger,
            CodeProvider = ProgrammeServices.FindOwnOrShared<IOtpCodeProvider>(serviceProvider, programme),
            Metrics = serviceProvider.GetService<AuthClientMetrics>(),
            StepUpLease = ProgrammeServices.Find<IWeavrStepUpLease>(serviceProvider, programme),
            Store = store,
            Stored = OnStoredAsync,
        };
        _services.Metrics?.ObserveLive(() => _live.Count);
    }

    public async ValueTask<IWeavrSession?> FindAsync(string userKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        Sweep();
        var versioned = _store is IVersionedWeavrSessionStore;
        if (_live.TryGetValue(userKey, out var live) && !versioned)
        {
            return live;
        }

        // With a shared store, another instance may have changed (or logged out) the session: one read tells.
        WeavrSessionSnapshot? snapshot;
        try
        {
            snapshot = await _store.GetAsync(userKey, cancellationToken).ConfigureAwait(false);
            if (live is not null)
            {
                await live.RefreshAsync(snapshot, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not WeavrSessionStoreException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // The store is unreachable (e.g. Redis down): typed, like a failure while the session syncs before a call.
            throw new WeavrSessionStoreException(userKey, ex);
        }

        if (live is not null)
        {
            // Gone from the store while this copy was signed in: logged out or removed elsewhere.
            if (live.State == WeavrSessionState.LoggedOut || (snapshot is null && live.State == WeavrSessionState.Expired))
            {
                _live.TryRemove(KeyValuePair.Create(userKey, live));
                return null;
            }

            return live;
        }

        return snapshot is null || snapshot.State == WeavrSessionState.LoggedOut
            ? null
            : _live.GetOrAdd(userKey, key => new WeavrSession(key, _services, snapshot));
    }

    public async ValueTask<IWeavrSession> GetOrCreateAsync(string userKey, CancellationToken cancellationToken = default) =>
        await FindAsync(userKey, cancellationToken).ConfigureAwait(false)
        ?? (_live.TryGetValue(userKey, out var loggedOut) ? loggedOut : _live.GetOrAdd(userKey, key => new WeavrSession(key, _services)));

    public async Task<IWeavrSession> SignInWithPasswordAsync(string userKey, string email, string password, CancellationToken cancellationToken = default)
    {
        var session = await GetOrCreateAsync(userKey, cancellationToken).ConfigureAwait(false);
        await session.SignInWithPasswordAsync(email, password, cancellationToken).ConfigureAwait(false);
        return session;
    }

    public async Task<BiometricSignInResult> SignInWithBiometricsAsync(string userKey, string email, IdentityId? identity = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var session = await GetOrCreateAsync(userKey, cancellationToken).ConfigureAwait(false);
        return await session.SignInWithBiometricsAsync(email, identity, timeout, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IWeavrSession> SignInWithOneTimeTokenAsync(string userKey, string email, IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default)
    {
        var session = await GetOrCreateAsync(userKey, cancellationToken).ConfigureAwait(false);
        await session.SignInWithOneTimeTokenAsync(email, identity, oneTimeToken, cancellationToken).ConfigureAwait(false);
        return session;
    }

    public async ValueTask<int> EndDeactivatedUserSessionsAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var ended = 0;
        foreach (var session in _live.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await session.EndIfDeactivatedAsync(email).ConfigureAwait(false))
            {
                ended++;
            }
        }

        return ended;
    }

    public async ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        _live.TryRemove(userKey, out _);
        await _store.RemoveAsync(userKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the number of sessions held in this process (for diagnostics and tests).</summary>
    internal int LiveCount => _live.Count;

    // A logged-out session holds nothing worth keeping: it is forgotten (callers holding it still see LoggedOut). A
    // session signed in again after a logout (or a removal) is the user's live session again.
    private ValueTask OnStoredAsync(WeavrSession session, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.State == WeavrSessionState.LoggedOut)
        {
            _live.TryRemove(KeyValuePair.Create(session.UserKey, session));
        }
        else
        {
            _live.TryAdd(session.UserKey, session);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets idle sessions, at most once per sweep interval.</summary>
    internal void Sweep()
    {
        var now = _timeProvider.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + _sweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, session) in _live)
        {
            if (session.IsEvictable(now))
            {
                _live.TryRemove(KeyValuePair.Create(key, session));
            }
        }
    }
}
