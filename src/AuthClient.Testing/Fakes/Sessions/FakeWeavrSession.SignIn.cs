using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>Sign-in, identity selection, passwords and logout.</summary>
public sealed partial class FakeWeavrSession
{
    /// <summary>Gets or sets where <see cref="SignInWithPasswordAsync"/> ends for (email, password):
    /// <see cref="WeavrSessionState.PasswordExpired"/>, or <see cref="WeavrSessionState.Authenticated"/> (then the
    /// identities decide, as for a real login). Throw <c>WeavrErrors.InvalidCredentials()</c> or <c>WeavrErrors.Locked()</c>
    /// for a refusal. Default: a normal login.</summary>
    public Func<string, string, WeavrSessionState>? OnSignInWithPassword { get; set; }

    /// <summary>Gets or sets how <see cref="SignInWithBiometricsAsync"/> ends for (email, identity). Default
    /// <see cref="ChallengeOutcome.Verified"/>: the session is stepped up.</summary>
    public Func<string, IdentityId?, ChallengeOutcome>? OnSignInWithBiometrics { get; set; }

    /// <summary>Gets or sets what <see cref="UpdatePasswordAsync"/> does for (oldPassword, newPassword); throw
    /// <c>WeavrErrors.Conflict(...)</c> for a refusal. Default: the password changes and the sign-in continues.</summary>
    public Action<string, string>? OnUpdatePassword { get; set; }

    /// <summary>Gets or sets what <see cref="ResumeLostPasswordAsync"/> does for (email, nonce, newPassword); throw
    /// <c>WeavrErrors.Conflict("INVALID_NONCE_OR_EMAIL")</c> for a refusal. Default: the sign-in continues.</summary>
    public Action<string, string, string>? OnResumeLostPassword { get; set; }

    /// <inheritdoc />
    public Task<WeavrSessionState> SignInWithPasswordAsync(string email, string password, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(SignInWithPasswordAsync)) { Email = email, Password = Hide(password) }, cancellationToken, () =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(email);
            ArgumentException.ThrowIfNullOrEmpty(password);
            RequireNotLocked();
            var reached = Run(() => OnSignInWithPassword?.Invoke(email, password) ?? WeavrSessionState.Authenticated);
            RememberEmail(email);
            if (reached == WeavrSessionState.PasswordExpired)
            {
                Identities = [];
                Begin(WeavrSessionState.PasswordExpired, null);
                return State;
            }

            return ContinueWithIdentities(null);
        });

    /// <inheritdoc />
    public Task<BiometricSignInResult> SignInWithBiometricsAsync(string email, IdentityId? identity = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(SignInWithBiometricsAsync)) { Email = email, Identity = identity }, cancellationToken, () =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(email);
            if (timeout is { } wait)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(timeout));
            }

            RequireNotLocked();
            var outcome = Run(() => OnSignInWithBiometrics?.Invoke(email, identity) ?? ChallengeOutcome.Verified);
            if (outcome == ChallengeOutcome.Verified)
            {
                RememberEmail(email);
                // A biometric login is strong customer authentication: its ACCESS token comes back stepped up.
                ContinueWithIdentities(identity, WeavrSessionState.SteppedUp);
            }

            return new BiometricSignInResult { Outcome = outcome, Session = this, ChallengeId = "fake-biometric-challenge" };
        });

    /// <inheritdoc />
    public Task<WeavrSessionState> UpdatePasswordAsync(string oldPassword, string newPassword, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(UpdatePasswordAsync)) { Password = Hide(oldPassword), NewPassword = Hide(newPassword) }, cancellationToken, () =>
        {
            ArgumentException.ThrowIfNullOrEmpty(oldPassword);
            ArgumentException.ThrowIfNullOrEmpty(newPassword);
            Require(nameof(UpdatePasswordAsync), WeavrSessionState.PasswordExpired);
            Run(() => Invoke(OnUpdatePassword, h => h(oldPassword, newPassword)));
            return ContinueWithIdentities(null);
        });

    /// <inheritdoc />
    public Task<WeavrSessionState> ResumeLostPasswordAsync(string email, string nonce, string newPassword, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(ResumeLostPasswordAsync)) { Email = email, Code = Hide(nonce), NewPassword = Hide(newPassword) }, cancellationToken, () =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(email);
            ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
            ArgumentException.ThrowIfNullOrEmpty(newPassword);
            Run(() => Invoke(OnResumeLostPassword, h => h(email, nonce, newPassword)));
            RememberEmail(email);
            return ContinueWithIdentities(null);
        });

    /// <inheritdoc />
    public Task<WeavrSessionState> SelectIdentityAsync(IdentityId identity, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(SelectIdentityAsync)) { Identity = identity }, cancellationToken, () =>
        {
            ArgumentNullException.ThrowIfNull(identity);
            Require(nameof(SelectIdentityAsync), WeavrSessionState.Authenticated, WeavrSessionState.Access, WeavrSessionState.SteppedUp);
            if (!Identities.Any(i => i.Id == identity))
            {
                throw new ArgumentException($"{identity.Type}/{identity.Id} is not one of the session's identities.", nameof(identity));
            }

            lock (_gate)
            {
                _identity = identity;
                _lastActivity = Now;
            }

            Transition(_ => WeavrSessionState.Access, expiredAt: null);
            return State;
        });

    /// <inheritdoc />
    public Task LogoutAsync(CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(LogoutAsync)), cancellationToken, () =>
        {
            Tick();
            lock (_gate)
            {
                _token = null;
            }

            // As the real session: logged out from any state but a lock, with or without a token to revoke.
            Transition(s => s == WeavrSessionState.Locked ? s : WeavrSessionState.LoggedOut, expiredAt: null);
            return true;
        });

    // A null argument is recorded as absent; the operation itself then rejects it.
    private static Secret? Hide(string? value) => value is null ? null : new Secret(value);

    private static bool Invoke<THandler>(THandler? handler, Action<THandler> invoke)
        where THandler : Delegate
    {
        if (handler is not null)
        {
            invoke(handler);
        }

        return true;
    }

    /// <summary>Records the call, then completes like an async method: the result, the exception, or a cancellation, as a task.</summary>
    private Task<T> Async<T>(FakeSessionCall call, CancellationToken cancellationToken, Func<T> body)
    {
        Record(call);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(body());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private void RequireNotLocked()
    {
        Tick();
        DateTimeOffset? until;
        lock (_gate)
        {
            until = _state == WeavrSessionState.Locked ? _lockedUntil : null;
        }

        if (until is { } lockedUntil)
        {
            throw new WeavrSessionLockedException(UserKey, lockedUntil);
        }
    }

    /// <summary>After a login: one identity (or the one asked for) gets an ACCESS token; several wait for a choice.</summary>
    private WeavrSessionState ContinueWithIdentities(IdentityId? wanted, WeavrSessionState accessState = WeavrSessionState.Access)
    {
        var identities = SignInIdentities;
        Identities = identities;
        Begin(WeavrSessionState.Authenticated, null);
        if ((wanted ?? (identities.Count == 1 ? identities[0].Id : null)) is { } target)
        {
            lock (_gate)
            {
                _identity = target;
            }

            Transition(_ => accessState, expiredAt: null);
        }

        return State;
    }
}
