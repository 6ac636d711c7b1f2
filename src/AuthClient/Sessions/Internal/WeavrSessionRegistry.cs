using System.Collections.Concurrent;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions.Internal;

/// <summary>The default <see cref="IWeavrSessionRegistry"/>: live sessions in memory, snapshots in the store.</summary>
internal sealed class WeavrSessionRegistry : IWeavrSessionRegistry
{
    private readonly ConcurrentDictionary<string, WeavrSession> _live = new(StringComparer.Ordinal);
    private readonly IWeavrSessionStore _store;
    private readonly WeavrSessionServices _services;

    public WeavrSessionRegistry(
        IServiceProvider serviceProvider,
        IWeavrSessionStore store,
        PendingChallengeRegistry challenges,
        TimeProvider timeProvider,
        IOptions<WeavrSessionOptions> options,
        ILogger<WeavrSession> logger)
    {
        _store = store;
        _services = new WeavrSessionServices
        {
            CreateClient = serviceProvider.GetRequiredService<IWeavrAuthClient>,
            Challenges = challenges,
            TimeProvider = timeProvider,
            Options = options.Value,
            Logger = logger,
            CodeProvider = serviceProvider.GetService<IOtpCodeProvider>(),
            Persist = PersistAsync,
        };
    }

    public async ValueTask<IWeavrSession?> FindAsync(string userKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        if (_live.TryGetValue(userKey, out var live))
        {
            return live;
        }

        var snapshot = await _store.GetAsync(userKey, cancellationToken).ConfigureAwait(false);
        return snapshot is null ? null : _live.GetOrAdd(userKey, key => new WeavrSession(key, _services, snapshot));
    }

    public async ValueTask<IWeavrSession> GetOrCreateAsync(string userKey, CancellationToken cancellationToken = default) =>
        await FindAsync(userKey, cancellationToken).ConfigureAwait(false)
        ?? _live.GetOrAdd(userKey, key => new WeavrSession(key, _services));

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

    public async ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        _live.TryRemove(userKey, out _);
        await _store.RemoveAsync(userKey, cancellationToken).ConfigureAwait(false);
    }

    // A logged-out session holds nothing worth keeping: it is forgotten (callers holding it still see LoggedOut).
    private async ValueTask PersistAsync(WeavrSession session, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.State == WeavrSessionState.LoggedOut)
        {
            _live.TryRemove(KeyValuePair.Create(session.UserKey, session));
            await _store.RemoveAsync(session.UserKey, cancellationToken).ConfigureAwait(false);
        }
        else if (ReferenceEquals(_live.GetOrAdd(session.UserKey, session), session))
        {
            // A session signed in again after a logout (or a removal) is the user's live session again.
            await _store.SetAsync(session.UserKey, snapshot, cancellationToken).ConfigureAwait(false);
        }
    }
}
