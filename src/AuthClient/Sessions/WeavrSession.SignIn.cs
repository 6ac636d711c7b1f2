using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;
using AuthClient.Telemetry.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Sessions;

/// <summary>Sign-in: password, biometrics, expired password, identity selection.</summary>
public sealed partial class WeavrSession
{
    private const int IdentitiesPageSize = 100;

    /// <inheritdoc />
    public async Task<WeavrSessionState> SignInWithPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        WeavrInputGuard.Password(password, nameof(password));
        return await SignInExclusiveAsync(async () =>
        {
            var sentAt = Now;
            WeavrResponse<PasswordLoginResult> login;
            try
            {
                login = await _services.CreateClient().LoginWithPasswordAsync(email, password, cancellationToken).ConfigureAwait(false);
            }
            catch (WeavrLockedException ex)
            {
                throw LockOn(ex);
            }

            var result = login.Value;

            // An expired password yields a temporary token, good only for the password update.
            var expired = result.Outcome == PasswordLoginOutcome.PasswordExpired;
            Begin(expired ? WeavrSessionState.PasswordExpired : WeavrSessionState.Authenticated, result.Token, isAuthToken: !expired, result.Credentials, email, sentAt);
            if (!expired)
            {
                await ContinueWithIdentityAsync(result.Token, null, cancellationToken).ConfigureAwait(false);
            }

            return State;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BiometricSignInResult> SignInWithBiometricsAsync(string email, IdentityId? identity = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        if (identity is not null)
        {
            WeavrInputGuard.Identity(identity, nameof(identity));
        }

        var wait = timeout ?? Options.PushTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(timeout));
        await SignInGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureNotLocked();
            WeavrResponse<LoginViaBiometricsResponse> login;
            try
            {
                login = await _services.CreateClient().LoginViaBiometricsAsync(email, identity, cancellationToken).ConfigureAwait(false);
            }
            catch (WeavrConflictException ex)
            {
                return BiometricResult(ChallengeOutcomes.FromErrorCode(ex.ErrorCode), null, ex.ErrorCode, ex.RequestRef);
            }
            catch (WeavrLockedException ex)
            {
                throw LockOn(ex);
            }

            var challengeId = login.Value.ChallengeId;
            ChallengeOutcome outcome;
            StepUpEvent? answer;
            using (var activity = AuthClientActivity.Source.StartActivity(AuthClientActivity.BiometricSignInWait))
            {
                (outcome, answer) = await AwaitStepUpAsync(challengeId, wait, cancellationToken).ConfigureAwait(false);
                activity?.SetTag(AuthClientActivity.Outcome, AuthClientMetrics.Name(outcome));
            }

            if (outcome != ChallengeOutcome.Verified)
            {
                return BiometricResult(outcome, challengeId, RejectedCode(outcome, answer), login.RequestRef);
            }

            if (answer!.AuthToken is not { IsEmpty: false } authToken)
            {
                throw new AuthClientException($"Weavr reported the biometric login {challengeId} VERIFIED without an AUTH token.");
            }

            Begin(WeavrSessionState.Authenticated, authToken, isAuthToken: true, answer.Credential, email, Now);
            var target = identity ?? (answer.Identity is { Type.Length: > 0, Id.Length: > 0 } known
                ? new IdentityId(new IdentityType(known.Type), known.Id)
                : null);
            await ContinueWithIdentityAsync(authToken, target, cancellationToken).ConfigureAwait(false);
            return BiometricResult(ChallengeOutcome.Verified, challengeId, null, login.RequestRef);
        }
        finally
        {
            SignInGate.Release();
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<WeavrSessionState> UpdatePasswordAsync(string oldPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Password(oldPassword, nameof(oldPassword));
        WeavrInputGuard.Password(newPassword, nameof(newPassword));
        await SignInGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            var lease = Acquire(nameof(UpdatePasswordAsync), PasswordExpiredStates);
            await CheckPasswordPolicyAsync(newPassword, cancellationToken).ConfigureAwait(false);
            var sentAt = Now;
            WeavrResponse<PasswordUpdateResponse> updated;
            try
            {
                updated = await SendAsync(lease, (client, options, ct) => client.UpdatePasswordAsync(oldPassword, newPassword, options, ct), null, cancellationToken).ConfigureAwait(false);
            }
            catch (WeavrPasswordChangedException)
            {
                // Changed, but no token to continue with: the temporary token is spent, so the user signs in afresh.
                Apply(new SessionEvent.PasswordChangedWithoutToken(lease.Token));
                return State;
            }

            // The returned token continues the sign-in like an AUTH token: identities, then an ACCESS token.
            var token = updated.Value.Token;
            Begin(WeavrSessionState.Authenticated, token, isAuthToken: true, Credential, null, sentAt);
            await ContinueWithIdentityAsync(token, null, cancellationToken).ConfigureAwait(false);
            return State;
        }
        finally
        {
            SignInGate.Release();
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<WeavrSessionState> ResumeLostPasswordAsync(string email, string nonce, string newPassword, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        WeavrInputGuard.Nonce(nonce, nameof(nonce));
        WeavrInputGuard.Password(newPassword, nameof(newPassword));
        return await SignInExclusiveAsync(async () =>
        {
            await CheckPasswordPolicyAsync(newPassword, cancellationToken).ConfigureAwait(false);
            var sentAt = Now;
            var resumed = await _services.CreateClient().ResumeLostPasswordAsync(email, nonce, newPassword, cancellationToken).ConfigureAwait(false);

            // The token continues exactly like the AUTH token of a password login.
            var token = resumed.Value.Token;
            Begin(WeavrSessionState.Authenticated, token, isAuthToken: true, null, email, sentAt);
            await ContinueWithIdentityAsync(token, null, cancellationToken).ConfigureAwait(false);
            return State;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<WeavrSessionState> SelectIdentityAsync(IdentityId identity, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Identity(identity, nameof(identity));
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            Acquire(nameof(SelectIdentityAsync), [WeavrSessionState.Authenticated]);

            // Weavr answers a wrong identity with 401, which would end the session: refuse it here instead.
            var listed = Identities;
            if (listed.Count > 0 && !listed.Any(i => i.Id == identity))
            {
                throw new ArgumentException($"The identity {identity.Type}/{identity.Id} is not one of the session's identities.", nameof(identity));
            }

            await EnsureAccessAsync(null, identity, null, cancellationToken).ConfigureAwait(false);
            return State;
        }
        finally
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a sign-in alone on this session (the sign-in gate), refused while locked; the outcome is stored whatever happens.</summary>
    private async Task<T> SignInExclusiveAsync<T>(Func<Task<T>> signIn, CancellationToken cancellationToken)
    {
        await SignInGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureNotLocked();
            return await signIn().ConfigureAwait(false);
        }
        finally
        {
            SignInGate.Release();
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <summary>After an AUTH token: exchange it for <paramref name="target"/>, or list the identities and exchange when there is one.</summary>
    private async Task ContinueWithIdentityAsync(Secret authToken, IdentityId? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            var identities = await ListIdentitiesAsync(authToken, cancellationToken).ConfigureAwait(false);
            Apply(new SessionEvent.IdentitiesListed(authToken, identities));

            if (identities.Count != 1)
            {
                return;
            }

            target = identities[0].Id;
        }

        await EnsureAccessAsync(null, target, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<UserIdentity>> ListIdentitiesAsync(Secret authToken, CancellationToken cancellationToken)
    {
        var lease = new Lease(authToken, 0);
        var identities = new List<UserIdentity>();
        while (true)
        {
            var offset = identities.Count;
            var page = await SendAsync(lease, (client, options, ct) => client.GetIdentitiesAsync(offset, IdentitiesPageSize, options, ct), null, cancellationToken).ConfigureAwait(false);
            identities.AddRange(page.Value.Identities);
            if (page.Value.Identities.Count == 0 || identities.Count >= page.Value.Count)
            {
                return identities;
            }
        }
    }

    /// <summary>
    /// Checks the new password with <c>POST /passwords/validate</c> before a password is changed: a policy refusal is a
    /// typed <see cref="WeavrPasswordPolicyException"/>, and the change is not attempted.
    /// </summary>
    private async Task CheckPasswordPolicyAsync(string password, CancellationToken cancellationToken)
    {
        var check = await _services.CreateClient().ValidatePasswordAsync(password, null, cancellationToken).ConfigureAwait(false);
        if (check.Value != PasswordPolicyOutcome.Accepted)
        {
            throw new WeavrPasswordPolicyException(new ApiErrorDetails
            {
                Api = "Weavr",
                Method = "POST",
                Path = WeavrEndpoints.PasswordValidate.Template,
                StatusCode = check.StatusCode,
                ErrorCode = WeavrPasswordPolicyException.ToErrorCode(check.Value),
                RequestRef = check.RequestRef,
            });
        }
    }

    private BiometricSignInResult BiometricResult(ChallengeOutcome outcome, string? challengeId, string? errorCode, string? requestRef) => new()
    {
        Outcome = outcome,
        Session = this,
        ChallengeId = challengeId,
        ErrorCode = errorCode,
        RequestRef = requestRef,
    };
}
