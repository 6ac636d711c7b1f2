using System.Runtime.ExceptionServices;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// The default <see cref="IWeavrSession"/>: one end-user's Weavr token life cycle as a thread-safe state machine.
/// Obtain sessions from <see cref="IWeavrSessionRegistry"/>.
/// </summary>
public sealed partial class WeavrSession : IWeavrSession
{
    private static readonly WeavrSessionState[] AccessStates = [WeavrSessionState.Access, WeavrSessionState.SteppedUp];
    private static readonly WeavrSessionState[] PasswordExpiredStates = [WeavrSessionState.PasswordExpired];

    private readonly object _sync = new();
    private readonly WeavrSessionServices _services;
    private readonly SemaphoreSlim _signInGate = new(1, 1);
    private readonly SemaphoreSlim _persistGate = new(1, 1);
    private readonly List<WeavrSessionStateChangedEventArgs> _unraised = [];

    // All fields below are guarded by _sync.
    private WeavrSessionState _state = WeavrSessionState.Anonymous;
    private Secret? _token;
    private Secret? _authToken;
    private AccessTokenStatus? _tokenStatus;
    private IdentityId? _identity;
    private CredentialId? _credential;
    private IReadOnlyList<UserIdentity> _identities = [];
    private DateTimeOffset? _lastActivity;
    private DateTimeOffset? _lockedUntil;
    private DateTimeOffset? _expiredAt;
    private long _version;
    private long _persistedVersion;

    // Grows when a step-up ends: a 403 for a request sent in an earlier generation shares that step-up's outcome.
    private long _stepUpGeneration;
    private ChallengeResult? _lastStepUp;
    private SharedFlight<ChallengeResult>? _stepUpFlight;
    private SharedFlight<WeavrSessionState>? _exchangeFlight;

    internal WeavrSession(string userKey, WeavrSessionServices services, WeavrSessionSnapshot? snapshot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        ArgumentNullException.ThrowIfNull(services);
        UserKey = userKey;
        _services = services;
        if (snapshot is not null)
        {
            Restore(snapshot);
        }
    }

    /// <inheritdoc />
    public event EventHandler<WeavrSessionStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public string UserKey { get; }

    /// <inheritdoc />
    public WeavrSessionState State => Read(() => _state);

    /// <inheritdoc />
    public DateTimeOffset? ExpiresAt => Read(() => HasToken(_state) ? _lastActivity + _services.Options.IdleTimeout : null);

    /// <inheritdoc />
    public DateTimeOffset? LockedUntil => Read(() => _state == WeavrSessionState.Locked ? _lockedUntil : null);

    /// <inheritdoc />
    public IdentityId? Identity => Read(() => _identity);

    /// <inheritdoc />
    public CredentialId? Credential => Read(() => _credential);

    /// <inheritdoc />
    public IReadOnlyList<UserIdentity> Identities => Read(() => _identities);

    /// <inheritdoc />
    public bool IsIdentitySelectionRequired => Read(() => _state == WeavrSessionState.Authenticated && _identities.Count != 1);

    /// <inheritdoc />
    public AccessTokenStatus? TokenStatus => Read(() => IsAccess(_state) ? _tokenStatus : null);

    /// <inheritdoc />
    public Secret? Token => Read(() => HasToken(_state) ? _token : null);

    private DateTimeOffset Now => _services.TimeProvider.GetUtcNow();

    private WeavrSessionOptions Options => _services.Options;

    /// <inheritdoc />
    public Task<TResult> ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken = default) =>
        ExecuteAsync(call, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <inheritdoc />
    public async Task<TResult> ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, string idempotencyRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyRef);
        var steppedUp = false;
        var exchanged = false;
        try
        {
            while (true)
            {
                var lease = await AcquireAccessAsync(nameof(ExecuteAsync), cancellationToken).ConfigureAwait(false);
                try
                {
                    // The same idempotency-ref on the first attempt and on the replay: the server sees one operation, never a duplicate.
                    return await SendAsync(lease, call, idempotencyRef, cancellationToken).ConfigureAwait(false);
                }
                catch (WeavrForbiddenException ex) when (ex.IsStepUpRequired && !steppedUp)
                {
                    steppedUp = true;
                    var result = await EnsureSteppedUpAsync(Options.StepUpMethod, null, null, lease, cancellationToken).ConfigureAwait(false);
                    if (!result.Succeeded)
                    {
                        throw new WeavrStepUpFailedException(UserKey, State, result, ex);
                    }
                }
                catch (WeavrForbiddenException ex) when (ex.IsAccessTokenRequired && !exchanged)
                {
                    exchanged = true;
                    await EnsureAccessAsync(lease.Token, null, ex, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await PersistAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        Secret? token;
        lock (_sync)
        {
            RefreshLocked();
            token = HasToken(_state) ? _token : null;
            if (token is null && _state is not (WeavrSessionState.LoggedOut or WeavrSessionState.Locked))
            {
                ClearTokensLocked();
                SetStateLocked(WeavrSessionState.LoggedOut);
            }
        }

        try
        {
            if (token is not null)
            {
                await _services.CreateClient().LogoutAsync(WeavrCallOptions.WithToken(token), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (WeavrUnauthorizedException)
        {
            // The token was already invalid: logged out all the same.
        }
        finally
        {
            if (token is not null)
            {
                lock (_sync)
                {
                    if (ReferenceEquals(_token, token))
                    {
                        ClearTokensLocked();
                        SetStateLocked(WeavrSessionState.LoggedOut);
                    }
                }
            }

            RaisePending();
            await PersistAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Describes the session without its tokens.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString()
    {
        lock (_sync)
        {
            return $"WeavrSession {{ UserKey = {UserKey}, State = {_state}, Identity = {_identity?.Type}/{_identity?.Id}, " +
                $"TokenStatus = {_tokenStatus}, ExpiresAt = {(HasToken(_state) ? _lastActivity + Options.IdleTimeout : null):O} }}";
        }
    }

    internal WeavrSessionSnapshot ToSnapshot()
    {
        lock (_sync)
        {
            return ToSnapshotLocked();
        }
    }

    private static bool HasToken(WeavrSessionState state) =>
        state is WeavrSessionState.Authenticated or WeavrSessionState.Access or WeavrSessionState.SteppedUp or WeavrSessionState.PasswordExpired;

    private static bool IsAccess(WeavrSessionState state) => state is WeavrSessionState.Access or WeavrSessionState.SteppedUp;

    private T Read<T>(Func<T> read)
    {
        T value;
        lock (_sync)
        {
            RefreshLocked();
            value = read();
        }

        RaisePending();
        return value;
    }

    /// <summary>Sends one call with the lease's token: success keeps the session alive, 401 expires it, 423 locks it.</summary>
    private async Task<T> SendAsync<T>(Lease lease, Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<T>> call, string? idempotencyRef, CancellationToken cancellationToken)
    {
        try
        {
            var options = new WeavrCallOptions { Token = lease.Token, IdempotencyRef = idempotencyRef };
            var result = await call(_services.CreateClient(), options, cancellationToken).ConfigureAwait(false);
            Touch(lease.Token);
            return result;
        }
        catch (WeavrUnauthorizedException ex)
        {
            throw ExpireOnUnauthorized(lease.Token, ex);
        }
        catch (WeavrLockedException ex)
        {
            throw LockOn(ex);
        }
    }

    /// <summary>Returns a lease on an ACCESS token, exchanging the AUTH token first when the identity is known.</summary>
    private async Task<Lease> AcquireAccessAsync(string operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            IdentityId? target;
            try
            {
                lock (_sync)
                {
                    RefreshLocked();
                    if (IsAccess(_state))
                    {
                        return new Lease(_token!, _stepUpGeneration);
                    }

                    target = _state == WeavrSessionState.Authenticated && attempt == 0 ? ExchangeTargetLocked() : null;
                    if (target is null)
                    {
                        throw StateErrorLocked(operation, AccessStates);
                    }
                }
            }
            finally
            {
                RaisePending();
            }

            await EnsureAccessAsync(null, target, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private Lease Acquire(string operation, WeavrSessionState[] allowed)
    {
        try
        {
            lock (_sync)
            {
                RefreshLocked();
                return allowed.Contains(_state) ? new Lease(_token!, _stepUpGeneration) : throw StateErrorLocked(operation, allowed);
            }
        }
        finally
        {
            RaisePending();
        }
    }

    private void EnsureNotLocked()
    {
        try
        {
            lock (_sync)
            {
                RefreshLocked();
                if (_state == WeavrSessionState.Locked)
                {
                    throw new WeavrSessionLockedException(UserKey, _lockedUntil!.Value);
                }
            }
        }
        finally
        {
            RaisePending();
        }
    }

    /// <summary>
    /// Exchanges the AUTH token for an ACCESS token, single-flight. <paramref name="tokenSeen"/> is the token a refused
    /// call carried: when the session's token changed since, another caller already exchanged it.
    /// </summary>
    private async Task EnsureAccessAsync(Secret? tokenSeen, IdentityId? target, Exception? cause, CancellationToken cancellationToken)
    {
        SharedFlight<WeavrSessionState> flight;
        var created = false;
        Secret? authToken;
        IdentityId? identity;
        try
        {
            lock (_sync)
            {
                RefreshLocked();
                if (tokenSeen is not null && !ReferenceEquals(_token, tokenSeen) && IsAccess(_state))
                {
                    return;
                }

                if (!IsAccess(_state) && _state != WeavrSessionState.Authenticated)
                {
                    throw StateErrorLocked("The access-token exchange", [WeavrSessionState.Authenticated, .. AccessStates]);
                }

                authToken = _authToken;
                identity = target ?? ExchangeTargetLocked();
                if ((authToken is null || identity is null) && cause is not null)
                {
                    // Nothing to exchange with: the refusal stands.
                    ExceptionDispatchInfo.Throw(cause);
                }

                if (authToken is null || identity is null)
                {
                    throw identity is null
                        ? new WeavrIdentitySelectionRequiredException(UserKey, _identities)
                        : StateErrorLocked("The access-token exchange", [WeavrSessionState.Authenticated]);
                }

                if (_exchangeFlight is { IsAbandoned: false } inFlight)
                {
                    flight = inFlight;
                }
                else
                {
                    flight = _exchangeFlight = new SharedFlight<WeavrSessionState>();
                    created = true;
                }

                flight.Join();
            }
        }
        finally
        {
            RaisePending();
        }

        if (created)
        {
            _ = flight.RunAsync(async ct =>
            {
                try
                {
                    return await ExchangeAsync(authToken, identity, ct).ConfigureAwait(false);
                }
                finally
                {
                    lock (_sync)
                    {
                        if (ReferenceEquals(_exchangeFlight, flight))
                        {
                            _exchangeFlight = null;
                        }
                    }
                }
            });
        }

        await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WeavrSessionState> ExchangeAsync(Secret authToken, IdentityId identity, CancellationToken cancellationToken)
    {
        WeavrResponse<AccessTokenResponse> response;
        try
        {
            response = await _services.CreateClient().RequestAccessTokenAsync(identity, WeavrCallOptions.WithToken(authToken), cancellationToken).ConfigureAwait(false);
        }
        catch (WeavrUnauthorizedException ex)
        {
            throw ExpireOnUnauthorized(authToken, ex);
        }
        catch (WeavrLockedException ex)
        {
            throw LockOn(ex);
        }

        lock (_sync)
        {
            if (ReferenceEquals(_authToken, authToken) && (_state == WeavrSessionState.Authenticated || IsAccess(_state)))
            {
                var access = response.Value;
                var steppedUp = access.Status == AccessTokenStatus.SteppedUp;
                _token = access.Token;
                _tokenStatus = access.Status ?? AccessTokenStatus.Standard;
                _identity = access.Identity ?? identity;
                _credential = access.Credentials ?? _credential;
                _lastActivity = Now;
                SetStateLocked(steppedUp ? WeavrSessionState.SteppedUp : WeavrSessionState.Access);
            }
        }

        RaisePending();
        return State;
    }

    // Which identity an AUTH token is exchanged for without asking: the only one listed, or the one chosen before.
    private IdentityId? ExchangeTargetLocked() =>
        _state == WeavrSessionState.Authenticated
            ? _identities.Count == 1 ? _identities[0].Id : null
            : _identity;

    private void Touch(Secret token)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_token, token) && HasToken(_state))
            {
                _lastActivity = Now;
                _version++;
            }
        }
    }

    private WeavrSessionExpiredException ExpireOnUnauthorized(Secret token, WeavrUnauthorizedException cause)
    {
        var now = Now;
        lock (_sync)
        {
            if (ReferenceEquals(_token, token) && HasToken(_state))
            {
                _expiredAt = now;
                ClearTokensLocked();
                SetStateLocked(WeavrSessionState.Expired);
            }
        }

        RaisePending();
        return new WeavrSessionExpiredException(UserKey, now, cause);
    }

    private WeavrSessionLockedException LockOn(WeavrLockedException cause)
    {
        var until = Now + Options.LockDuration;
        lock (_sync)
        {
            ClearTokensLocked();
            _lockedUntil = until;
            SetStateLocked(WeavrSessionState.Locked);
        }

        RaisePending();
        return new WeavrSessionLockedException(UserKey, until, cause);
    }

    // Applies lazy transitions: idle expiry, and the end of a lock.
    private void RefreshLocked()
    {
        var now = Now;
        if (HasToken(_state) && _lastActivity + Options.IdleTimeout <= now)
        {
            _expiredAt = _lastActivity + Options.IdleTimeout;
            ClearTokensLocked();
            SetStateLocked(WeavrSessionState.Expired);
        }
        else if (_state == WeavrSessionState.Locked && _lockedUntil <= now)
        {
            _lockedUntil = null;
            SetStateLocked(WeavrSessionState.Anonymous);
        }
    }

    private WeavrSessionException StateErrorLocked(string operation, WeavrSessionState[] allowed) => _state switch
    {
        WeavrSessionState.Expired => new WeavrSessionExpiredException(UserKey, _expiredAt),
        WeavrSessionState.LoggedOut => new WeavrSessionLoggedOutException(UserKey),
        WeavrSessionState.Locked => new WeavrSessionLockedException(UserKey, _lockedUntil!.Value),
        WeavrSessionState.Authenticated when allowed.All(IsAccess) && _identities.Count != 1 =>
            new WeavrIdentitySelectionRequiredException(UserKey, _identities),
        _ => new WeavrSessionStateException(UserKey, _state, operation, allowed),
    };

    /// <summary>Starts a new login: replaces every token, forgets identities and in-flight work of the previous one.</summary>
    private void BeginLocked(WeavrSessionState state, Secret token, bool isAuthToken, CredentialId? credential)
    {
        ClearTokensLocked();
        _token = token;
        _authToken = isAuthToken ? token : null;
        _identity = null;
        _identities = [];
        _credential = credential;
        _lockedUntil = null;
        _expiredAt = null;
        _lastActivity = Now;
        _stepUpFlight = null;
        _exchangeFlight = null;
        _lastStepUp = null;
        SetStateLocked(state);
    }

    private void ClearTokensLocked()
    {
        _token = null;
        _authToken = null;
        _tokenStatus = null;
    }

    private void SetStateLocked(WeavrSessionState state)
    {
        _version++;
        if (_state != state)
        {
            _unraised.Add(new WeavrSessionStateChangedEventArgs(UserKey, _state, state));
            _state = state;
        }
    }

    /// <summary>Raises the transitions recorded under the lock, outside it.</summary>
    private void RaisePending()
    {
        WeavrSessionStateChangedEventArgs[] changes;
        lock (_sync)
        {
            if (_unraised.Count == 0)
            {
                return;
            }

            changes = [.. _unraised];
            _unraised.Clear();
        }

        foreach (var change in changes)
        {
            LogStateChanged(_services.Logger, UserKey, change.PreviousState, change.State);
            try
            {
                StateChanged?.Invoke(this, change);
            }
            catch (Exception ex)
            {
                // A subscriber's bug must not break the session's own transition.
                LogHandlerFailed(_services.Logger, UserKey, ex);
            }
        }
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        if (_services.Persist is not { } persist)
        {
            return;
        }

        await _persistGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            WeavrSessionSnapshot snapshot;
            lock (_sync)
            {
                if (_version <= _persistedVersion)
                {
                    return;
                }

                snapshot = ToSnapshotLocked();
            }

            await persist(this, snapshot, cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                _persistedVersion = snapshot.Version;
            }
        }
        catch (Exception ex)
        {
            // The in-process session stays authoritative; the next change is persisted again.
            LogPersistFailed(_services.Logger, UserKey, ex);
        }
        finally
        {
            _persistGate.Release();
        }

        RaisePending();
    }

    private WeavrSessionSnapshot ToSnapshotLocked()
    {
        RefreshLocked();
        return new WeavrSessionSnapshot
        {
            UserKey = UserKey,
            State = _state,
            Token = _token?.Reveal(),
            AuthToken = _authToken?.Reveal(),
            TokenStatus = _tokenStatus,
            Identity = _identity,
            Credential = _credential,
            Identities = _identities,
            LastActivityAt = _lastActivity,
            LockedUntil = _lockedUntil,
            Version = _version,
        };
    }

    private void Restore(WeavrSessionSnapshot snapshot)
    {
        if (snapshot.UserKey != UserKey)
        {
            throw new ArgumentException($"The snapshot belongs to another user key than '{UserKey}'.", nameof(snapshot));
        }

        _state = snapshot.State;
        _token = Secret.FromNullable(snapshot.Token);

        // The same instance when the bearer token is the AUTH token: token identity drives stale-answer checks.
        _authToken = snapshot.AuthToken is null ? null
            : snapshot.AuthToken == snapshot.Token ? _token
            : new Secret(snapshot.AuthToken);
        _tokenStatus = snapshot.TokenStatus;
        _identity = snapshot.Identity;
        _credential = snapshot.Credential;
        _identities = snapshot.Identities ?? [];
        _lastActivity = snapshot.LastActivityAt;
        _lockedUntil = snapshot.LockedUntil;
        _version = _persistedVersion = snapshot.Version;
        if (HasToken(_state) && (_token is null || _lastActivity is null))
        {
            // A snapshot that claims a token but holds none cannot be used: treat it as expired.
            ClearTokensLocked();
            _state = WeavrSessionState.Expired;
        }
        else if (_state == WeavrSessionState.Locked && _lockedUntil is null)
        {
            _state = WeavrSessionState.Anonymous;
        }
    }

    /// <summary>The token a call was sent with, and the step-up generation it was sent in.</summary>
    private readonly record struct Lease(Secret Token, long StepUpGeneration);
}
