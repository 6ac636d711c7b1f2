using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>
/// A scriptable, recording <see cref="IWeavrSession"/> for unit tests of code that depends on sessions, no mocking
/// library needed. It keeps the real session's rules: the same states and transitions, the same typed errors thrown
/// before anything happens (<see cref="WeavrSessionExpiredException"/>, <see cref="WeavrSessionLockedException"/>,
/// <see cref="WeavrSessionLoggedOutException"/>, <see cref="WeavrIdentitySelectionRequiredException"/>,
/// <see cref="WeavrSessionStateException"/>), lazy idle expiry on its <see cref="TimeProvider"/>, and
/// <see cref="StateChanged"/> after every transition.
/// <code>
/// var session = new FakeWeavrSession("user-1") { OnStepUp = _ => ChallengeOutcome.Declined };
/// await session.SignInWithPasswordAsync("ada@example.com", "Passw0rd!");   // → Access
/// var result = await session.StepUpAsync();                              // → Declined, still Access
/// </code>
/// </summary>
/// <remarks>
/// Every operation succeeds by default (sign-ins reach <see cref="WeavrSessionState.Access"/>, biometrics
/// <see cref="WeavrSessionState.SteppedUp"/>, challenges <see cref="ChallengeOutcome.Verified"/>); set its <c>On…</c>
/// handler to choose another outcome or to throw the error the SDK's client would (<see cref="WeavrErrors"/>), which the
/// fake then handles as the real session does: <see cref="WeavrLockedException"/> locks the session for
/// <see cref="LockDuration"/>, <see cref="WeavrUnauthorizedException"/> expires it, anything else propagates with the state
/// unchanged. Every call is recorded first (<see cref="Calls"/>), secrets as <see cref="Secret"/>s. Unlike the real session
/// it sends nothing, needs no <see cref="IOtpCodeProvider"/> and waits for no webhook.
/// </remarks>
public sealed partial class FakeWeavrSession : IWeavrSession
{
    private static readonly WeavrSessionState[] AccessStates = [WeavrSessionState.Access, WeavrSessionState.SteppedUp];
    private readonly object _gate = new();
    private readonly List<FakeSessionCall> _calls = [];
    private readonly List<ScaFactor> _factors = [];
    private WeavrSessionState _state = WeavrSessionState.Anonymous;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset? _expiredAt;
    private DateTimeOffset? _lockedUntil;
    private IdentityId? _identity;
    private Secret? _token;
    private int _tokens;

    /// <summary>Initializes a new, <see cref="WeavrSessionState.Anonymous"/> instance of the <see cref="FakeWeavrSession"/> class.</summary>
    /// <param name="userKey">Your application's key of the user.</param>
    /// <param name="timeProvider">The clock for idle expiry and locks (pass a <c>FakeTimeProvider</c>); default the system clock.</param>
    public FakeWeavrSession(string userKey, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        UserKey = userKey;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public event EventHandler<WeavrSessionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the clock the session expires and unlocks on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets or sets how long the session lives after its last successful call (default 5 minutes, as <see cref="WeavrSessionOptions.IdleTimeout"/>).</summary>
    public TimeSpan IdleTimeout { get; set; } = WeavrSessionDefaults.IdleTimeout;

    /// <summary>Gets or sets how long a 423 locks the session (default 30 minutes, as <see cref="WeavrSessionOptions.LockDuration"/>).</summary>
    public TimeSpan LockDuration { get; set; } = WeavrSessionDefaults.LockDuration;

    /// <summary>Gets or sets the identities a sign-in lists. Default one identity; with several a sign-in stops in
    /// <see cref="WeavrSessionState.Authenticated"/> until <see cref="SelectIdentityAsync"/>.</summary>
    public IReadOnlyList<UserIdentity> SignInIdentities { get; set; } = [new(new IdentityId(IdentityType.Consumer, "fake-identity-1"), "Fake Consumer")];

    /// <summary>Gets the calls received so far, in order (a snapshot).</summary>
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

    /// <inheritdoc />
    public string UserKey { get; }

    /// <inheritdoc />
    public WeavrSessionState State => Read(() => _state);

    /// <inheritdoc />
    public DateTimeOffset? ExpiresAt => Read<DateTimeOffset?>(() => HoldsToken(_state) ? _lastActivity + IdleTimeout : null);

    /// <inheritdoc />
    public DateTimeOffset? LockedUntil => Read(() => _state == WeavrSessionState.Locked ? _lockedUntil : null);

    /// <inheritdoc />
    public IdentityId? Identity => Read(() => _identity);

    /// <inheritdoc />
    public CredentialId? Credential => Read<CredentialId?>(() => _token is null ? null : new CredentialId(CredentialType.Root, "fake-credential"));

    /// <inheritdoc />
    public IReadOnlyList<UserIdentity> Identities { get; private set; } = [];

    /// <inheritdoc />
    public bool IsIdentitySelectionRequired => Read(() => _state == WeavrSessionState.Authenticated && Identities.Count != 1);

    /// <inheritdoc />
    public AccessTokenStatus? TokenStatus => Read<AccessTokenStatus?>(() => _state switch
    {
        WeavrSessionState.Access => AccessTokenStatus.Standard,
        WeavrSessionState.SteppedUp => AccessTokenStatus.SteppedUp,
        _ => null,
    });

    /// <inheritdoc />
    public Secret? Token => Read(() => HoldsToken(_state) ? _token : null);

    /// <summary>Expires the session now, as a 401 from Weavr would (only a session holding a token expires).</summary>
    public void ExpireNow() => Transition(s => HoldsToken(s) ? WeavrSessionState.Expired : s, expiredAt: Now);

    /// <summary>Describes the session without its token.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"FakeWeavrSession {{ UserKey = {UserKey}, State = {State}, Identity = {Identity?.Type}/{Identity?.Id} }}";

    private static bool HoldsToken(WeavrSessionState state) =>
        state is WeavrSessionState.Authenticated or WeavrSessionState.Access or WeavrSessionState.SteppedUp or WeavrSessionState.PasswordExpired;

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private void Record(FakeSessionCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private T Read<T>(Func<T> read)
    {
        Tick();
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>Notices, as the real session does on every read, that the idle time ran out or a lock ended.</summary>
    private void Tick()
    {
        var now = Now;
        DateTimeOffset idleEnd;
        lock (_gate)
        {
            idleEnd = _lastActivity + IdleTimeout;
        }

        Transition(s => s switch
        {
            _ when HoldsToken(s) && now >= idleEnd => WeavrSessionState.Expired,
            WeavrSessionState.Locked when now >= _lockedUntil => WeavrSessionState.Anonymous,
            _ => s,
        }, expiredAt: idleEnd);
    }

    /// <summary>Fails the way the real session does when <paramref name="operation"/> is not valid in the current state.</summary>
    private void Require(string operation, params WeavrSessionState[] allowed)
    {
        Tick();
        WeavrSessionException? error;
        lock (_gate)
        {
            error = allowed.Contains(_state) ? null : _state switch
            {
                WeavrSessionState.Expired => new WeavrSessionExpiredException(UserKey, _expiredAt),
                WeavrSessionState.LoggedOut => new WeavrSessionLoggedOutException(UserKey),
                WeavrSessionState.Locked => new WeavrSessionLockedException(UserKey, _lockedUntil!.Value),
                WeavrSessionState.Authenticated when allowed.All(AccessStates.Contains) && Identities.Count != 1 =>
                    new WeavrIdentitySelectionRequiredException(UserKey, Identities),
                _ => new WeavrSessionStateException(UserKey, _state, operation, allowed),
            };
        }

        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>Runs a handler; the client errors it throws change the state as they would change the real session's.</summary>
    private T Run<T>(Func<T> handler)
    {
        try
        {
            return handler();
        }
        catch (WeavrLockedException ex)
        {
            var until = Now + LockDuration;
            lock (_gate)
            {
                _lockedUntil = until;
            }

            Transition(_ => WeavrSessionState.Locked, expiredAt: null);
            throw new WeavrSessionLockedException(UserKey, until, ex);
        }
        catch (WeavrUnauthorizedException ex)
        {
            ExpireNow();
            throw new WeavrSessionExpiredException(UserKey, Now, ex);
        }
    }

    /// <summary>Starts a new login in <paramref name="state"/> with a fresh token.</summary>
    private void Begin(WeavrSessionState state, IdentityId? identity)
    {
        lock (_gate)
        {
            _token = new Secret($"fake-token-{UserKey}-{++_tokens}");
            _identity = identity;
            _lastActivity = Now;
        }

        Transition(_ => state, expiredAt: null);
    }

    /// <summary>A successful call keeps the session alive.</summary>
    private void Touch()
    {
        lock (_gate)
        {
            _lastActivity = Now;
        }
    }

    /// <summary>Moves to the next state and raises <see cref="StateChanged"/> (outside the lock) when it changed.</summary>
    private void Transition(Func<WeavrSessionState, WeavrSessionState> next, DateTimeOffset? expiredAt)
    {
        WeavrSessionStateChangedEventArgs? change = null;
        lock (_gate)
        {
            var previous = _state;
            _state = next(previous);
            if (_state != previous)
            {
                if (_state == WeavrSessionState.Expired)
                {
                    _expiredAt = expiredAt;
                }

                change = new WeavrSessionStateChangedEventArgs(UserKey, previous, _state);
            }
        }

        if (change is not null)
        {
            StateChanged?.Invoke(this, change);
        }
    }
}
