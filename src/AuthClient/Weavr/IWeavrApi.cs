using AuthClient.Weavr.Models;
using Refit;

namespace AuthClient.Weavr;

/// <summary>
/// The Weavr Multi authentication operations (API 3.63.5), one method per documented endpoint, as a Refit
/// source-generated client. Headers (<c>api-key</c>, bearer token, <c>idempotency-ref</c>), retries and typed
/// errors are added by the handler pipeline. Most applications use <see cref="IWeavrAuthClient"/>, which validates
/// input and reports <c>request-ref</c>; this interface is the raw wire mirror.
/// </summary>
public interface IWeavrApi
{
    /// <summary><c>POST /login_with_password</c>: returns an AUTH token.</summary>
    /// <param name="request">The e-mail and password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="context">Per-call context (request-ref comes back here).</param>
    /// <returns>The login result.</returns>
    [Post("/login_with_password")]
    Task<LoginWithPasswordResponse> LoginWithPasswordAsync(
        [Body] LoginWithPasswordRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /login_via_biometrics</c>: sends a biometric push to the user's enrolled device.</summary>
    /// <param name="request">The e-mail and optional identity.</param>
    /// <param name="context">Per-call context (request-ref comes back here).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge id to match with the <c>/stepup/watch</c> webhook.</returns>
    [Post("/login_via_biometrics")]
    Task<LoginViaBiometricsResponse> LoginViaBiometricsAsync(
        [Body] LoginViaBiometricsRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /identities</c>: the identities available to the token holder.</summary>
    /// <param name="offset">The first item to return (0-based).</param>
    /// <param name="limit">The page size, 1 to 100.</param>
    /// <param name="context">Per-call context (token, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A page of identities.</returns>
    [Get("/identities")]
    Task<IdentitiesResponse> GetIdentitiesAsync(
        [Query] int? offset = null,
        [Query] int? limit = null,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /access_token</c>: exchanges an AUTH token for an ACCESS token for one identity, or (api key
    /// only, no bearer) a delegated client's assertion or a one-time token.</summary>
    /// <param name="request">The identity, and at most one of the client assertion and the one-time token.</param>
    /// <param name="context">Per-call context (token, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ACCESS token.</returns>
    [Post("/access_token")]
    Task<AccessTokenResponse> RequestAccessTokenAsync(
        [Body] AccessTokenRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /authentication_factors</c>: the user's enrolled factors.</summary>
    /// <param name="context">Per-call context (token, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The factors.</returns>
    [Get("/authentication_factors")]
    Task<AuthenticationFactors> GetAuthenticationFactorsAsync(
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /authentication_factors/otp/{channel}</c>: starts OTP enrolment (sends an SMS).</summary>
    /// <param name="channel">The channel (<c>SMS</c>).</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Post("/authentication_factors/otp/{channel}")]
    Task EnrolOtpAsync(
        string channel,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /authentication_factors/otp/{channel}/verify</c>: completes OTP enrolment.</summary>
    /// <param name="channel">The channel (<c>SMS</c>).</param>
    /// <param name="request">The verification code.</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Post("/authentication_factors/otp/{channel}/verify")]
    Task VerifyOtpEnrolmentAsync(
        string channel,
        [Body] VerificationCodeRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /authentication_factors/push/{channel}</c>: starts push enrolment (<c>AUTHY</c>).</summary>
    /// <param name="channel">The channel (<c>AUTHY</c>).</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Post("/authentication_factors/push/{channel}")]
    Task EnrolPushAsync(
        string channel,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /authentication_factors/push/{channel}</c>: unlinks a push device.</summary>
    /// <param name="channel">The channel (<c>AUTHY</c> or <c>BIOMETRIC</c>).</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Delete("/authentication_factors/push/{channel}")]
    Task UnlinkPushAsync(
        string channel,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /stepup/challenges/otp/{channel}</c>: sends a step-up OTP.</summary>
    /// <param name="channel">The channel (<c>SMS</c>).</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Post("/stepup/challenges/otp/{channel}")]
    Task StartOtpStepUpAsync(
        string channel,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /stepup/challenges/otp/{channel}/verify</c>: verifies the step-up OTP; the same token becomes stepped-up.</summary>
    /// <param name="channel">The channel (<c>SMS</c>).</param>
    /// <param name="request">The verification code.</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Post("/stepup/challenges/otp/{channel}/verify")]
    Task VerifyOtpStepUpAsync(
        string channel,
        [Body] VerificationCodeRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /stepup/challenges/push/{channel}</c>: sends a step-up push.</summary>
    /// <param name="channel">The channel (<c>AUTHY</c> or <c>BIOMETRIC</c>).</param>
    /// <param name="context">Per-call context (token, idempotency-ref, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge id to match with the <c>/stepup/watch</c> webhook.</returns>
    [Post("/stepup/challenges/push/{channel}")]
    Task<PushChallenge> StartPushStepUpAsync(
        string channel,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /logout</c>: ends the login identified by the token (deprecated in Weavr's OpenAPI, no replacement named).</summary>
    /// <param name="context">Per-call context (token, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The logout URL (200) or <see langword="null"/> (204).</returns>
    [Post("/logout")]
    Task<LogoutResponse?> LogoutAsync(
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /passwords/update</c>: changes the password (works with the temporary token of an expired password).</summary>
    /// <param name="request">The old and new passwords.</param>
    /// <param name="context">Per-call context (token, request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new password information and the token to use from now on.</returns>
    [Post("/passwords/update")]
    Task<PasswordUpdateResponse> UpdatePasswordAsync(
        [Body] PasswordUpdateRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /passwords/validate</c>: checks a password against the password policy (api-key only).</summary>
    /// <param name="request">The password.</param>
    /// <param name="context">Per-call context (request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204 (the password passes).</returns>
    [Post("/passwords/validate")]
    Task ValidatePasswordAsync(
        [Body] PasswordValidateRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /passwords/lost_password/start</c>: e-mails the user a link to choose a new password (api-key only).</summary>
    /// <param name="request">The user's e-mail address.</param>
    /// <param name="context">Per-call context (request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 204.</returns>
    [Post("/passwords/lost_password/start")]
    Task StartLostPasswordAsync(
        [Body] EmailRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /passwords/lost_password/resume</c>: sets the new password with the e-mailed nonce (api-key only).</summary>
    /// <param name="request">The nonce, e-mail address and new password.</param>
    /// <param name="context">Per-call context (request-ref).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token to continue the sign-in with.</returns>
    [Post("/passwords/lost_password/resume")]
    Task<LostPasswordResumeResponse> ResumeLostPasswordAsync(
        [Body] LostPasswordResumeRequest request,
        [Property(WeavrCallContext.OptionsKey)] WeavrCallContext? context = null,
        CancellationToken cancellationToken = default);
}
