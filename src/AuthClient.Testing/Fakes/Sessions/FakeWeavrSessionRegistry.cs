using AuthClient.Sessions;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>
/// An in-memory <see cref="IWeavrSessionRegistry"/> of <see cref="FakeWeavrSession"/>s for unit tests: register it in
/// place of the real one (<c>services.AddSingleton&lt;IWeavrSessionRegistry&gt;(registry)</c>) or pass it to the code
/// under test. Sign-ins go through the user's fake session, so its scripts decide how they end; lookups behave like
/// the real registry's (a logged-out session is not found; an expired one is).
/// <code>
/// var registry = new FakeWeavrSessionRegistry { ConfigureSession = s => s.OnStepUp = _ => ChallengeOutcome.Declined };
/// var alice = registry.Add(new FakeWeavrSession("alice"));       // or let sign-ins create sessions
/// </code>
/// </summary>
/// <param name="timeProvider">The clock of the sessions it creates (pass a <c>FakeTimeProvider</c>); default the system clock.</param>
public sealed class FakeWeavrSessionRegistry(TimeProvider? timeProvider = null) : IWeavrSessionRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeWeavrSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<FakeSessionCall> _calls = [];

    /// <summary>Gets or sets what is done to each session the registry creates, before it is used (set its scripts here).</summary>
    public Action<FakeWeavrSession>? ConfigureSession { get; set; }

    /// <summary>Gets or sets the store failure to simulate: when set, every lookup throws a
    /// <see cref="WeavrSessionStoreException"/> wrapping it, as the real registry does when e.g. Redis is unreachable.</summary>
    public Exception? StoreFailure { get; set; }

    /// <summary>Gets the registry calls received so far, in order (each session records its own in <see cref="FakeWeavrSession.Calls"/>).</summary>
    public IReadOnlyList<FakeSessionCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Gets the sessions held, by user key (a snapshot).</summary>
    public IReadOnlyDictionary<string, FakeWeavrSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, FakeWeavrSession>(_sessions, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Adds (or replaces) a user's session, e.g. one already signed in.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The session.</returns>
    public FakeWeavrSession Add(FakeWeavrSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            _sessions[session.UserKey] = session;
        }

        return session;
    }

    /// <inheritdoc />
    public ValueTask<IWeavrSession?> FindAsync(string userKey, CancellationToken cancellationToken = default) =>
        Complete(nameof(FindAsync), userKey, cancellationToken, () => (IWeavrSession?)Find(userKey));

    /// <inheritdoc />
    public ValueTask<IWeavrSession> GetOrCreateAsync(string userKey, CancellationToken cancellationToken = default) =>
        Complete(nameof(GetOrCreateAsync), userKey, cancellationToken, () => (IWeavrSession)GetOrCreate(userKey));

    /// <inheritdoc />
    public async Task<IWeavrSession> SignInWithPasswordAsync(string userKey, string email, string password, CancellationToken cancellationToken = default)
    {
        var session = await Complete(nameof(SignInWithPasswordAsync), userKey, cancellationToken, () => GetOrCreate(userKey)).ConfigureAwait(false);
        await session.SignInWithPasswordAsync(email, password, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <inheritdoc />
    public async Task<BiometricSignInResult> SignInWithBiometricsAsync(string userKey, string email, IdentityId? identity = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var session = await Complete(nameof(SignInWithBiometricsAsync), userKey, cancellationToken, () => GetOrCreate(userKey)).ConfigureAwait(false);
        return await session.SignInWithBiometricsAsync(email, identity, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken = default) =>
        new(Complete(nameof(RemoveAsync), userKey, cancellationToken, () =>
        {
            lock (_gate)
            {
                return _sessions.Remove(userKey);
            }
        }).AsTask());

    /// <inheritdoc />
    public async Task<IWeavrSession> SignInWithOneTimeTokenAsync(string userKey, string email, IdentityId identity, Primitives.Secret oneTimeToken, CancellationToken cancellationToken = default)
    {
        var session = await Complete(nameof(SignInWithOneTimeTokenAsync), userKey, cancellationToken, () => GetOrCreate(userKey)).ConfigureAwait(false);
        await session.SignInWithOneTimeTokenAsync(email, identity, oneTimeToken, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <inheritdoc />
    public ValueTask<int> EndDeactivatedUserSessionsAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Complete(nameof(EndDeactivatedUserSessionsAsync), email, cancellationToken, () =>
        {
            List<FakeWeavrSession> held;
            lock (_gate)
            {
                held = [.. _sessions.Values];
            }

            // Outside the lock: each session raises StateChanged, which may call back into the registry.
            return held.Count(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase) && s.Deactivate());
        });
    }

    /// <summary>As the real registry: a logged-out session is forgotten and not found; an expired one is returned.</summary>
    private FakeWeavrSession? Find(string userKey)
    {
        if (StoreFailure is { } failure)
        {
            throw new WeavrSessionStoreException(userKey, failure);
        }

        lock (_gate)
        {
            if (!_sessions.TryGetValue(userKey, out var session))
            {
                return null;
            }

            if (session.State == WeavrSessionState.LoggedOut)
            {
                _sessions.Remove(userKey);
                return null;
            }

            return session;
        }
    }

    private FakeWeavrSession GetOrCreate(string userKey)
    {
        if (Find(userKey) is { } found)
        {
            return found;
        }

        var session = new FakeWeavrSession(userKey, timeProvider);
        ConfigureSession?.Invoke(session);
        lock (_gate)
        {
            // Two callers racing for a new user's session share one, as in the real registry.
            return _sessions.TryAdd(userKey, session) ? session : _sessions[userKey];
        }
    }

    private ValueTask<T> Complete<T>(string operation, string userKey, CancellationToken cancellationToken, Func<T> body)
    {
        lock (_gate)
        {
            _calls.Add(new FakeSessionCall(operation) { UserKey = userKey });
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        try
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
            return ValueTask.FromResult(body());
        }
        catch (Exception e)
        {
            return ValueTask.FromException<T>(e);
        }
    }
}
