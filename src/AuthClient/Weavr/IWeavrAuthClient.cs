using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr;

/// <summary>
/// The Weavr Multi authentication operations with input validation, typed outcomes and support references.
/// Every method validates its input and throws <see cref="ArgumentException"/> before sending anything; a server
/// error becomes a typed <see cref="Errors.WeavrApiException"/>; a network failure an <see cref="Errors.AuthClientTransportException"/>.
/// Mock this interface in your own unit tests, or use <c>FakeWeavrAuthClient</c> from the AuthClient.Testing package.
/// </summary>
public interface IWeavrAuthClient
{
    /// <summary>Logs in with e-mail and password. An expired password is an outcome, not an exception.</summary>
    /// <param name="email">The user's e-mail address.</param>
    /// <param name="password">The password (1 to 100 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The AUTH token, or the temporary token of an expired password.</returns>
    Task<WeavrResponse<PasswordLoginResult>> LoginWithPasswordAsync(string email, string password, CancellationToken cancellationToken = default);

    /// <summary>Starts a biometric login: a push goes to the user's enrolled device.</summary>
    /// <param name="email">The e-mail used when enrolling biometrics.</param>
    /// <param name="identity">The identity to log in to, for users with several.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge id, matched later by the <c>/stepup/watch</c> webhook.</returns>
    /// <exception cref="Errors.AuthClientInvalidResponseException">The success answer had no <c>challengeId</c> (the spec leaves it optional).</exception>
    Task<WeavrResponse<LoginViaBiometricsResponse>> LoginViaBiometricsAsync(string email, IdentityId? identity = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the identities available to the token holder.</summary>
    /// <param name="offset">The first item (0 or more).</param>
    /// <param name="limit">The page size (1 to 100).</param>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A page of identities.</returns>
    Task<WeavrResponse<IdentitiesResponse>> GetIdentitiesAsync(int? offset = null, int? limit = null, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Exchanges an AUTH token for an ACCESS token for <paramref name="identity"/>.</summary>
    /// <param name="identity">The identity.</param>
    /// <param name="options">The AUTH token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ACCESS token and its status.</returns>
    /// <exception cref="Errors.AuthClientInvalidResponseException">The success answer had no <c>token</c> (the spec leaves it optional).</exception>
    Task<WeavrResponse<AccessTokenResponse>> RequestAccessTokenAsync(IdentityId identity, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets an ACCESS token as a delegated API client (<c>POST /access_token</c> with <c>clientAssertion</c>, api key
    /// only, no AUTH token): for customers Weavr has enabled for delegation.
    /// </summary>
    /// <param name="identity">The identity to act as.</param>
    /// <param name="clientAssertion">The assertion generated with the certificate of the delegated API client (never logged).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ACCESS token and its status.</returns>
    /// <exception cref="ArgumentException">The assertion is empty, longer than 16,384 characters or holds whitespace
    /// or control characters (nothing is sent).</exception>
    /// <exception cref="Errors.WeavrUnauthorizedException">401: the assertion was refused.</exception>
    /// <exception cref="Errors.AuthClientInvalidResponseException">The success answer had no <c>token</c>.</exception>
    Task<WeavrResponse<AccessTokenResponse>> RequestDelegatedAccessTokenAsync(IdentityId identity, Secret clientAssertion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exchanges a short-lived one-time token for an ACCESS token (<c>POST /access_token</c> with <c>token</c>, api key
    /// only, no AUTH token). The one-time token works once.
    /// </summary>
    /// <param name="identity">The identity to act as.</param>
    /// <param name="oneTimeToken">The one-time token (never logged).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ACCESS token and its status.</returns>
    /// <exception cref="ArgumentException">The token is empty, longer than 16,384 characters or holds whitespace or
    /// control characters (nothing is sent).</exception>
    /// <exception cref="Errors.WeavrUnauthorizedException">401: the token is unknown, used already or expired.</exception>
    /// <exception cref="Errors.AuthClientInvalidResponseException">The success answer had no <c>token</c>.</exception>
    Task<WeavrResponse<AccessTokenResponse>> ExchangeOneTimeTokenAsync(IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's authentication factors.</summary>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The factors.</returns>
    Task<WeavrResponse<AuthenticationFactors>> GetAuthenticationFactorsAsync(WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts SMS OTP enrolment (the sandbox sends no SMS; the code is 123456).</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Sms"/>.</param>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> EnrolOtpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Completes SMS OTP enrolment.</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Sms"/>.</param>
    /// <param name="verificationCode">The 6-digit code.</param>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> VerifyOtpEnrolmentAsync(ScaChannel channel, string verificationCode, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts push enrolment; the outcome arrives on the <c>/authentication_factors/watch</c> webhook.</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Authy"/>.</param>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> EnrolPushAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Unlinks a push device.</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Authy"/> or <see cref="ScaChannel.Biometric"/>.</param>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> UnlinkPushAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a step-up OTP.</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Sms"/>.</param>
    /// <param name="options">The ACCESS token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> StartOtpStepUpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Verifies the step-up OTP; on success the same token is stepped up.</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Sms"/>.</param>
    /// <param name="verificationCode">The 6-digit code.</param>
    /// <param name="options">The ACCESS token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The references of the call.</returns>
    Task<WeavrResponse> VerifyOtpStepUpAsync(ScaChannel channel, string verificationCode, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a step-up push; the outcome arrives on the <c>/stepup/watch</c> webhook.</summary>
    /// <param name="channel">The channel: <see cref="ScaChannel.Authy"/> or <see cref="ScaChannel.Biometric"/>.</param>
    /// <param name="options">The ACCESS token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge id.</returns>
    /// <exception cref="Errors.AuthClientInvalidResponseException">The success answer had no <c>id</c> (the spec leaves it optional).</exception>
    Task<WeavrResponse<PushChallenge>> StartPushStepUpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Ends the login the token belongs to; the token is refused afterwards.</summary>
    /// <remarks>Weavr's OpenAPI marks <c>POST /logout</c> <c>deprecated</c> and names no replacement: it is kept because the
    /// seeds and today's API still use it; a token also ends by itself 5 minutes after its last use.</remarks>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The logout URL (200) or <see langword="null"/> (204).</returns>
    Task<WeavrResponse<LogoutResponse?>> LogoutAsync(WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Changes the password; works with the temporary token of an expired-password login.</summary>
    /// <param name="oldPassword">The current password.</param>
    /// <param name="newPassword">The new password (1 to 100 characters; Weavr's policy applies).</param>
    /// <param name="options">The token and per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new token and password information.</returns>
    /// <exception cref="Errors.WeavrPasswordChangedException">Weavr answered 2xx, so the password HAS changed, but the
    /// answer held no usable token: do not repeat the change; sign in again with the new password.</exception>
    Task<WeavrResponse<PasswordUpdateResponse>> UpdatePasswordAsync(string oldPassword, string newPassword, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a password against the programme's password policy (<c>POST /passwords/validate</c>, api-key only), e.g.
    /// for a sign-up form or before a password update: a policy refusal (409 <c>PASSWORD_TOO_SHORT</c>,
    /// <c>PASSWORD_TOO_LONG</c>, <c>PASSWORD_TOO_SIMPLE</c>) is an outcome, not an exception.
    /// </summary>
    /// <param name="password">The password to check (1 to 100 characters).</param>
    /// <param name="options">Per-call options (no token is needed).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="PasswordPolicyOutcome.Accepted"/> (204) or the rule the password breaks (409).</returns>
    /// <exception cref="Errors.WeavrConflictException">Any other 409, e.g. <c>PASSWORD_PROFILE_NOT_CONFIGURED_FOR_CREDENTIAL_TYPE</c>
    /// or <c>UNRESOLVED_IDENTITY</c>: the programme, not the password, is at fault.</exception>
    Task<WeavrResponse<PasswordPolicyOutcome>> ValidatePasswordAsync(string password, WeavrCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts the forgotten-password flow (<c>POST /passwords/lost_password/start</c>, api-key only): Weavr e-mails the
    /// user a link carrying a one-time nonce for <see cref="ResumeLostPasswordAsync"/>.
    /// </summary>
    /// <param name="email">The user's e-mail address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The 204 answer.</returns>
    /// <exception cref="Errors.WeavrConflictException">409 <c>ACCOUNT_NOT_FOUND</c> or <c>MULTIPLE_ACCOUNTS_FOUND</c>
    /// (do not tell the user which: that would reveal whether an address has an account).</exception>
    Task<WeavrResponse> StartLostPasswordAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes the forgotten-password flow (<c>POST /passwords/lost_password/resume</c>, api-key only): sets the new
    /// password and returns a token that continues like the AUTH token of a password login.
    /// </summary>
    /// <param name="email">The user's e-mail address.</param>
    /// <param name="nonce">The 6-digit nonce from the e-mailed link (never logged).</param>
    /// <param name="newPassword">The new password (1 to 100 characters; Weavr's policy applies).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token to continue with.</returns>
    /// <exception cref="Errors.WeavrConflictException">409 <c>INVALID_NONCE_OR_EMAIL</c>, <c>PASSWORD_ALREADY_USED</c>,
    /// <c>PASSWORD_INCORRECT</c>, <c>PASSWORD_NOT_SET</c>; <c>PASSWORD_TOO_*</c> as <see cref="Errors.WeavrPasswordPolicyException"/>.</exception>
    /// <exception cref="Errors.WeavrTokenException">404/410: the nonce is unknown or has expired; start again.</exception>
    /// <exception cref="Errors.WeavrPasswordChangedException">Weavr answered 2xx, so the password HAS changed, but the
    /// answer held no usable token: sign in with the new password.</exception>
    Task<WeavrResponse<LostPasswordResumeResponse>> ResumeLostPasswordAsync(string email, string nonce, string newPassword, CancellationToken cancellationToken = default);
}
