using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// The default <see cref="IWeavrSession"/>: one end-user's Weavr token life cycle. A thin shell around a pure state
/// machine (<c>SessionTransitions</c>): it sends the calls, feeds their outcomes back as events and persists the
/// result. Thread-safe. Obtain sessions from <see cref="IWeavrSessionRegistry"/>.
/// </summary>
public sealed partial class WeavrSession : IWeavrSession
{
    private static readonly WeavrSessionState[] AccessStates = [WeavrSessionState.Access, WeavrSessionState.SteppedUp];
    private static readonly WeavrSessionState[] PasswordExpiredStates = [WeavrSessionState.PasswordExpired];

    private readonly object _sync = new();
    private readonly WeavrSessionServices _services;
    // Created on first use, and the list dropped once raised: an idle session (most of them) holds neither.
    private SemaphoreSlim? _signInGate;
    private List<WeavrSessionStateChangedEventArgs>? _unraised;

    // All fields below are guarded by _sync.
    private SessionData _data = SessionData.Anonymous;
    private ChallengeResult? _lastStepUp;
    private SharedFlight<ChallengeResult>? _stepUpFlight;
    private SharedFlight<WeavrSessionState>? _exchangeFlight;

    internal WeavrSession(string userKey, WeavrSessionServices services, WeavrSessionSnapshot? snapshot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        ArgumentNullException.ThrowIfNull(services);
        UserKey = userKey;
        _services = services;
        _createdAt = services.TimeProvider.GetUtcNow();
        if (snapshot is not null)
        {
            if (snapshot.UserKey != userKey)
            {
                throw new ArgumentException($"The snapshot belongs to another user key than '{userKey}'.", nameof(snapshot));
            }

            _data = SessionData.FromSnapshot(snapshot);
            _storedVersion = snapshot.Version;
        }
    }

    /// <inheritdoc />
    public event EventHandler<WeavrSessionStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public string UserKey { get; }

    /// <inheritdoc />
    public WeavrSessionState State => Read(d => d.State);

    /// <inheritdoc />
    public DateTimeOffset? ExpiresAt => Read(d => d.ExpiresAt(Options.IdleTimeout));

    /// <inheritdoc />
    public DateTimeOffset? LockedUntil => Read(d => d.State == WeavrSessionState.Locked ? d.LockedUntil : null);

    /// <inheritdoc />
    public IdentityId? Identity => Read(d => d.Identity);

    /// <inheritdoc />
    public CredentialId? Credential => Read(d => d.Credential);

    /// <inheritdoc />
    public IReadOnlyList<UserIdentity> Identities => Read(d => d.Identities);

    /// <inheritdoc />
    public bool IsIdentitySelectionRequired => Read(d => d.State == WeavrSessionState.Authenticated && d.Identities.Count != 1);

    /// <inheritdoc />
    public AccessTokenStatus? TokenStatus => Read(d => d.IsAccess ? d.TokenStatus : null);

    /// <inheritdoc />
    public Secret? Token => Read(d => d.HasToken ? d.Token : null);

    private DateTimeOffset Now => _services.TimeProvider.GetUtcNow();

    private WeavrSessionOptions Options => _services.Options;

    /// <summary>Serializes sign-ins; created by the first one.</summary>
    private SemaphoreSlim SignInGate => LazyInitializer.EnsureInitialized(ref _signInGate, static () => new SemaphoreSlim(1, 1));

    /// <inheritdoc />
    public Task<TResult> ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken = default) =>
        ExecuteAsync(call, Http.Internal.IdempotencyRefs.New(), cancellationToken);

    /// <inheritdoc />
    public async Task<TResult> ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, string idempotencyRef, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyRef);
        var steppedUp = false;
        var refreshed = false;
        var exchanged = false;
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
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
                catch (WeavrForbiddenException ex) when (ex.IsStepUpRequired && steppedUp && !refreshed)
                {
                    // The replay got the same refusal: Weavr may remember the refused call under its idempotency-ref
                    // (undocumented). A 403 means nothing ran, so one more try under a fresh ref cannot duplicate it.
                    refreshed = true;
                    idempotencyRef = Http.Internal.IdempotencyRefs.New();
                    LogReplayRefused(_services.Logger, UserKey);
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
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            var token = Read(d => d.HasToken ? d.Token : null);
            if (token is null)
            {
                Apply(new SessionEvent.LoggedOut(null));
                return;
            }

            try
            {
                await _services.CreateClient().LogoutAsync(WeavrCallOptions.WithToken(token), cancellationToken).ConfigureAwait(false);
            }
            catch (WeavrUnauthorizedException)
            {
                // The token was already invalid: logged out all the same.
            }
            finally
            {
                Apply(new SessionEvent.LoggedOut(token));
            }
        }
        finally
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Describes the session without its tokens.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString()
    {
        var d = Read(d => d);
        return $"WeavrSession {{ UserKey = {UserKey}, State = {d.State}, Identity = {d.Identity?.Type}/{d.Identity?.Id}, " +
            $"TokenStatus = {d.TokenStatus}, ExpiresAt = {d.ExpiresAt(Options.IdleTimeout):O} }}";
    }

    internal WeavrSessionSnapshot ToSnapshot()
    {
        lock (_sync)
        {
            return _data.ToSnapshot(UserKey, _storedVersion);
        }
    }

    private T Read<T>(Func<SessionData, T> read)
    {
        T value;
        lock (_sync)
        {
            TransitionLocked(new SessionEvent.Tick(Now));
            value = read(_data);
        }

        RaisePending();
        return value;
    }

    /// <summary>Applies an event (after the time that passed) and raises the state change it caused.</summary>
    private void Apply(SessionEvent e)
    {
        lock (_sync)
        {
            // An answer is judged at the time its call was sent: a slow answer does not expire the token it proves alive.
            TransitionLocked(new SessionEvent.Tick(e switch
            {
                SessionEvent.CallSucceeded ok => ok.SentAt,
                SessionEvent.AccessGranted granted => granted.SentAt,
                _ => Now,
            }));
            TransitionLocked(e);
        }

        RaisePending();
    }

    private void TransitionLocked(SessionEvent e) => SetLocked(SessionTransitions.Apply(_data, e, Options.IdleTimeout), e);

    private void SetLocked(SessionData next, SessionEvent? cause)
    {
        var previous = _data;
        if (next == previous)
        {
            return;
        }

        _data = next;
        RecordLocked(previous, next, cause);
        if (previous.State != next.State)
        {
            (_unraised ??= []).Add(new WeavrSessionStateChangedEventArgs(UserKey, previous.State, next.State));
        }
    }

    /// <summary>Sends one call with the lease's token: success keeps the session alive from when it was sent, 401 expires it, 423 locks it.</summary>
    private async Task<T> SendAsync<T>(Lease lease, Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<T>> call, string? idempotencyRef, CancellationToken cancellationToken)
    {
        var sentAt = Now;
        try
        {
            var options = new WeavrCallOptions { Token = lease.Token, IdempotencyRef = idempotencyRef };
            var result = await call(_services.CreateClient(), options, cancellationToken).ConfigureAwait(false);
            Apply(new SessionEvent.CallSucceeded(lease.Token, sentAt));
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

    private Lease Acquire(string operation, WeavrSessionState[] allowed)
    {
        try
        {
            lock (_sync)
            {
                TransitionLocked(new SessionEvent.Tick(Now));
                return allowed.Contains(_data.State) ? new Lease(_data.Token!, _data.StepUpGeneration) : throw StateErrorLocked(operation, allowed);
            }
        }
        finally
        {
            RaisePending();
        }
    }

    private void EnsureNotLocked()
    {
        var data = Read(d => d);
        if (data.State == WeavrSessionState.Locked)
        {
            throw new WeavrSessionLockedException(UserKey, data.LockedUntil!.Value);
        }
    }

    private WeavrSessionExpiredException ExpireOnUnauthorized(Secret token, WeavrUnauthorizedException cause)
    {
        var now = Now;
        Apply(new SessionEvent.Unauthorized(token, now));
        return new WeavrSessionExpiredException(UserKey, now, cause);
    }

    private WeavrSessionLockedException LockOn(WeavrLockedException cause)
    {
        var until = Now + Options.LockDuration;
        Apply(new SessionEvent.Locked(until));
        return new WeavrSessionLockedException(UserKey, until, cause);
    }

    private WeavrSessionException StateErrorLocked(string operation, WeavrSessionState[] allowed) => _data.State switch
    {
        WeavrSessionState.Expired => new WeavrSessionExpiredException(UserKey, _data.ExpiredAt),
        WeavrSessionState.LoggedOut => new WeavrSessionLoggedOutException(UserKey),
        WeavrSessionState.Locked => new WeavrSessionLockedException(UserKey, _data.LockedUntil!.Value),
        WeavrSessionState.Authenticated when allowed.All(s => s is WeavrSessionState.Access or WeavrSessionState.SteppedUp) && _data.Identities.Count != 1 =>
            new WeavrIdentitySelectionRequiredException(UserKey, _data.Identities),
        _ => new WeavrSessionStateException(UserKey, _data.State, operation, allowed),
    };

    /// <summary>Starts a new login: replaces every token, forgets identities and in-flight work of the previous one.</summary>
    private void Begin(WeavrSessionState state, Secret token, bool isAuthToken, CredentialId? credential, string? email, DateTimeOffset sentAt) =>
        Begin(new SessionEvent.Began(state, token, isAuthToken, credential, email, sentAt));

    private void Begin(SessionEvent began)
    {
        lock (_sync)
        {
            _stepUpFlight = null;
            _exchangeFlight = null;
            _lastStepUp = null;
            TransitionLocked(began);
        }

        RaisePending();
    }

    /// <summary>Raises the transitions recorded under the lock, outside it.</summary>
    private void RaisePending()
    {
        WeavrSessionStateChangedEventArgs[] changes;
        lock (_sync)
        {
            if (_unraised is null)
            {
                return;
            }

            changes = [.. _unraised];
            _unraised = null;
        }

        foreach (var change in changes)
        {
            LogStateChanged(_services.Logger, UserKey, change.PreviousState, change.State);
            _services.Metrics?.SessionTransition(change.PreviousState, change.State);
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

    /// <summary>The token a call was sent with, and the step-up generation it was sent in.</summary>
    private readonly record struct Lease(Secret Token, long StepUpGeneration);
}
