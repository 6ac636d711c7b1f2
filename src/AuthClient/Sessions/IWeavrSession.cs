using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// One end-user's Weavr session: the AUTH → ACCESS → STEPPED_UP token life cycle as a state machine
/// (<see cref="State"/>). Get one from <see cref="IWeavrSessionRegistry"/>; mock this interface in your own tests.
/// </summary>
/// <remarks>
/// <para>Every call checks the state first and fails fast, sending nothing, when the session is expired
/// (<see cref="WeavrSessionExpiredException"/>), locked (<see cref="WeavrSessionLockedException"/>), logged out
/// (<see cref="WeavrSessionLoggedOutException"/>) or not in a state that allows it (<see cref="WeavrSessionStateException"/>).
/// The session expires <see cref="WeavrSessionOptions.IdleTimeout"/> after its last successful call, and at once
/// when Weavr answers 401.</para>
/// <para>Thread-safe: concurrent callers share one in-flight token exchange and one in-flight step-up.
/// Tokens are <see cref="Secret"/>s and never appear in <see cref="object.ToString"/>.</para>
/// </remarks>
public interface IWeavrSession
{
    /// <summary>Raised after every state transition (expiry is noticed lazily: on the next call or read of <see cref="State"/>).</summary>
    event EventHandler<WeavrSessionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the application's key of the user this session belongs to.</summary>
    string UserKey { get; }

    /// <summary>Gets the current state (an idle session reads <see cref="WeavrSessionState.Expired"/> from the moment it expires).</summary>
    WeavrSessionState State { get; }

    /// <summary>Gets when the session expires unless a call succeeds before (sliding), or <see langword="null"/> when it holds no token.</summary>
    DateTimeOffset? ExpiresAt { get; }

    /// <summary>Gets when the lock ends, in <see cref="WeavrSessionState.Locked"/>.</summary>
    DateTimeOffset? LockedUntil { get; }

    /// <summary>Gets the identity the session acts as, once selected.</summary>
    IdentityId? Identity { get; }

    /// <summary>Gets the credential that signed in.</summary>
    CredentialId? Credential { get; }

    /// <summary>Gets the identities listed at sign-in (choose one with <see cref="SelectIdentityAsync"/> when there are several).</summary>
    IReadOnlyList<UserIdentity> Identities { get; }

    /// <summary>Gets a value indicating whether the session waits for <see cref="SelectIdentityAsync"/> (signed in, several identities).</summary>
    bool IsIdentitySelectionRequired { get; }

    /// <summary>Gets the ACCESS token's status (<c>STANDARD</c> or <c>STEPPED_UP</c>), or <see langword="null"/> without an ACCESS token.</summary>
    AccessTokenStatus? TokenStatus { get; }

    /// <summary>Gets the current bearer token, for Weavr calls outside this SDK (prefer <see cref="ExecuteAsync{TResult}(Func{IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task{TResult}}, CancellationToken)"/>:
    /// it keeps the session alive and steps up automatically). <see langword="null"/> when the session holds none.</summary>
    Secret? Token { get; }

    /// <summary>
    /// Signs in with e-mail and password: login, list the identities, and exchange for an ACCESS token when there is
    /// exactly one. Ends in <see cref="WeavrSessionState.Access"/>, <see cref="WeavrSessionState.Authenticated"/>
    /// (several identities: call <see cref="SelectIdentityAsync"/>) or <see cref="WeavrSessionState.PasswordExpired"/>
    /// (call <see cref="UpdatePasswordAsync"/>). Replaces any previous login of this session.
    /// </summary>
    /// <param name="email">The user's e-mail address.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The state reached.</returns>
    /// <exception cref="WeavrSessionLockedException">The account is locked (423 now, or earlier and not yet over).</exception>
    /// <exception cref="Errors.WeavrForbiddenException">The credentials are wrong.</exception>
    Task<WeavrSessionState> SignInWithPasswordAsync(string email, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs in via biometrics: a push goes to the user's enrolled device; the session waits (up to
    /// <paramref name="timeout"/>) for the <c>/stepup/watch</c> webhook, then exchanges the AUTH token it carries for an
    /// ACCESS token (normally already stepped up). Refusals are outcomes of the result, not exceptions.
    /// </summary>
    /// <param name="email">The e-mail used when enrolling biometrics.</param>
    /// <param name="identity">The identity to sign in to, for users with several.</param>
    /// <param name="timeout">How long to wait for the user; default <see cref="WeavrSessionOptions.PushTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The outcome and the session.</returns>
    /// <exception cref="WeavrSessionLockedException">The account is locked.</exception>
    Task<BiometricSignInResult> SignInWithBiometricsAsync(string email, IdentityId? identity = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Changes an expired password (valid in <see cref="WeavrSessionState.PasswordExpired"/>) and continues the
    /// sign-in with the token Weavr returns: identities, then ACCESS token when there is exactly one.</summary>
    /// <param name="oldPassword">The expired password.</param>
    /// <param name="newPassword">The new password. It is checked first with <c>POST /passwords/validate</c>: a policy
    /// refusal throws <see cref="Errors.WeavrPasswordPolicyException"/> (its <c>Outcome</c> says which rule) without
    /// attempting the change; any other refusal of the change is a <see cref="Errors.WeavrConflictException"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state reached; <see cref="WeavrSessionState.Anonymous"/> when Weavr changed the password but answered
    /// without a token to continue with: the change is done, sign in again with the new password.</returns>
    Task<WeavrSessionState> UpdatePasswordAsync(string oldPassword, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes a forgotten-password flow (started with <see cref="IWeavrAuthClient.StartLostPasswordAsync"/>) and
    /// signs in with the token Weavr returns, the same way a password login continues: identities, then an ACCESS token
    /// when there is exactly one. Replaces any previous login of this session.
    /// </summary>
    /// <param name="email">The user's e-mail address.</param>
    /// <param name="nonce">The 6-digit nonce from the e-mailed link (never logged).</param>
    /// <param name="newPassword">The new password; checked with <c>POST /passwords/validate</c> first, so a policy
    /// refusal throws <see cref="Errors.WeavrPasswordPolicyException"/> without spending the nonce.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state reached (<see cref="WeavrSessionState.Access"/> with one identity).</returns>
    /// <exception cref="Errors.WeavrPasswordChangedException">Weavr changed the password but answered without a token; the
    /// session is unchanged: sign in with the new password.</exception>
    /// <exception cref="Errors.WeavrConflictException">409, e.g. <c>INVALID_NONCE_OR_EMAIL</c> or <c>PASSWORD_ALREADY_USED</c>.</exception>
    /// <exception cref="Errors.WeavrTokenException">The nonce is unknown or has expired (404/410): start again.</exception>
    Task<WeavrSessionState> ResumeLostPasswordAsync(string email, string nonce, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs in with a short-lived one-time token (<c>POST /access_token</c> with <c>token</c>, api key only): the
    /// session goes straight to <see cref="WeavrSessionState.Access"/> (or <see cref="WeavrSessionState.SteppedUp"/>)
    /// for <paramref name="identity"/>. No AUTH token comes back, so when the ACCESS token ends the user signs in again.
    /// </summary>
    /// <param name="email">The user's e-mail address, kept so a <c>user_deactivated</c> webhook can end the session.</param>
    /// <param name="identity">The identity the token was issued for.</param>
    /// <param name="oneTimeToken">The one-time token (never logged; works once).</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    /// <returns>The state reached.</returns>
    /// <exception cref="ArgumentException">Bad input (nothing is sent).</exception>
    /// <exception cref="Errors.WeavrUnauthorizedException">401: the token is unknown, used already or expired; the session is unchanged.</exception>
    /// <exception cref="WeavrSessionLockedException">The account is locked.</exception>
    Task<WeavrSessionState> SignInWithOneTimeTokenAsync(string email, IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default);

    /// <summary>Exchanges the AUTH token for an ACCESS token for <paramref name="identity"/> (valid in <see cref="WeavrSessionState.Authenticated"/>).</summary>
    /// <param name="identity">One of <see cref="Identities"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state reached: <see cref="WeavrSessionState.Access"/> or <see cref="WeavrSessionState.SteppedUp"/>.</returns>
    Task<WeavrSessionState> SelectIdentityAsync(IdentityId identity, CancellationToken cancellationToken = default);

    /// <summary>Steps up the ACCESS token with the configured method (<see cref="WeavrSessionOptions.StepUpMethod"/>).
    /// Joins a step-up already in flight; returns <see cref="ChallengeOutcome.AlreadyVerified"/> at once when already stepped up.</summary>
    /// <param name="cancellationToken">Stops waiting (the shared step-up stops when no caller waits any more).</param>
    /// <returns>The outcome; on success the state is <see cref="WeavrSessionState.SteppedUp"/>.</returns>
    Task<ChallengeResult> StepUpAsync(CancellationToken cancellationToken = default);

    /// <summary>Steps up with an SMS OTP: sends the challenge, then asks the registered <see cref="IOtpCodeProvider"/> for
    /// the code (again after a wrong code, up to <see cref="WeavrSessionOptions.MaxOtpAttempts"/> codes).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="WeavrSessionException">No <see cref="IOtpCodeProvider"/> is registered (nothing was sent). With
    /// <see cref="StepUpMethod.Otp"/> that is refused at start-up already.</exception>
    Task<ChallengeResult> StepUpWithOtpAsync(CancellationToken cancellationToken = default);

    /// <summary>Steps up with a push and waits for the <c>/stepup/watch</c> webhook answering it.</summary>
    /// <param name="channel"><see cref="ScaChannel.Authy"/> or <see cref="ScaChannel.Biometric"/>; default <see cref="WeavrSessionOptions.PushChannel"/>.</param>
    /// <param name="timeout">How long to wait; default <see cref="WeavrSessionOptions.PushTimeout"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    Task<ChallengeResult> StepUpWithPushAsync(ScaChannel? channel = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a step-up SMS OTP, for a two-request flow (then <see cref="VerifyOtpStepUpAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="ChallengeOutcome.Sent"/>, or why not (e.g. <see cref="ChallengeOutcome.RetryIn15Seconds"/>).</returns>
    Task<ChallengeResult> StartOtpStepUpAsync(CancellationToken cancellationToken = default);

    /// <summary>Verifies the step-up SMS OTP; on success the same token is stepped up.</summary>
    /// <param name="verificationCode">The 6-digit code (anything else throws <see cref="ArgumentException"/>, nothing sent).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    Task<ChallengeResult> VerifyOtpStepUpAsync(string verificationCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a secured Weavr call with the session's token and an <c>idempotency-ref</c> generated up front. When the
    /// call answers 403 <c>STEP_UP_REQUIRED</c> the session steps up (configured method, single-flight) and replays the
    /// call once with the same idempotency-ref; should that replay get the same 403 (Weavr remembering the refused call
    /// under its ref is undocumented), it tries once more under a fresh ref, which is safe because a 403 means nothing
    /// ran. On <c>ACCESS_TOKEN_REQUIRED</c> it exchanges the AUTH token and replays. A successful call keeps the session alive.
    /// </summary>
    /// <typeparam name="TResult">The call's result.</typeparam>
    /// <param name="call">The call: pass the given options and token through, e.g.
    /// <c>(client, options, ct) =&gt; client.UnlinkPushAsync(ScaChannel.Authy, options, ct)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="WeavrStepUpFailedException">The call needed a step-up and it did not pass.</exception>
    Task<TResult> ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="ExecuteAsync{TResult}(Func{IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task{TResult}}, CancellationToken)"/>,
    /// with your own <c>idempotency-ref</c> (reuse it to replay a call whose outcome is unknown).</summary>
    /// <typeparam name="TResult">The call's result.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="idempotencyRef">The idempotency-ref sent on the first attempt and its replay after a step-up (a
    /// fresh one only when that replay is refused again with <c>STEP_UP_REQUIRED</c>: see the result's <c>IdempotencyRef</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call's result.</returns>
    Task<TResult> ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, string idempotencyRef, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's authentication factors.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The factors.</returns>
    Task<IReadOnlyList<ScaFactor>> GetAuthenticationFactorsAsync(CancellationToken cancellationToken = default);

    /// <summary>Enrols an SMS OTP factor: starts the enrolment, then verifies it with codes from the <see cref="IOtpCodeProvider"/>.</summary>
    /// <param name="cancellationToken">Cancels the enrolment.</param>
    /// <returns>The outcome; <see cref="ChallengeOutcome.Verified"/> means the factor is active.</returns>
    Task<ChallengeResult> EnrolSmsOtpAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts SMS OTP enrolment (the code is sent to the user's phone; the sandbox code is 123456).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="ChallengeOutcome.Sent"/>, or why not.</returns>
    Task<ChallengeResult> StartSmsOtpEnrolmentAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes SMS OTP enrolment with the code the user received.</summary>
    /// <param name="verificationCode">The 6-digit code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome.</returns>
    Task<ChallengeResult> VerifySmsOtpEnrolmentAsync(string verificationCode, CancellationToken cancellationToken = default);

    /// <summary>Enrols an Authy push factor and waits for its <c>/authentication_factors/watch</c> outcome (ACTIVE →
    /// <see cref="ChallengeOutcome.Verified"/>, INACTIVE → <see cref="ChallengeOutcome.Declined"/>). When the session
    /// does not know its credential it cannot match the webhook and returns <see cref="ChallengeOutcome.Sent"/>.</summary>
    /// <param name="timeout">How long to wait; default <see cref="WeavrSessionOptions.EnrolmentTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the enrolment.</param>
    /// <returns>The outcome.</returns>
    Task<ChallengeResult> EnrolAuthyPushAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Unlinks a push device (steps up automatically when Weavr requires it).</summary>
    /// <param name="channel"><see cref="ScaChannel.Authy"/> or <see cref="ScaChannel.Biometric"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> UnlinkPushAsync(ScaChannel channel, CancellationToken cancellationToken = default);

    /// <summary>Logs out: the token is revoked and the session ends in <see cref="WeavrSessionState.LoggedOut"/> (also
    /// when the call fails); later calls send nothing. An expired session is logged out without a call.</summary>
    /// <remarks>Weavr's OpenAPI marks <c>POST /logout</c> <c>deprecated</c> and names no replacement: it is kept because the
    /// seeds and today's API still use it; a token also ends by itself 5 minutes after its last use.</remarks>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the session is logged out.</returns>
    Task LogoutAsync(CancellationToken cancellationToken = default);
}
