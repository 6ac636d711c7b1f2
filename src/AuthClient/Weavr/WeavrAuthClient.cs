using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Weavr.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr;

/// <summary>The default <see cref="IWeavrAuthClient"/>: validates input, then calls <see cref="IWeavrApi"/>.</summary>
/// <param name="api">The generated Refit client.</param>
public sealed class WeavrAuthClient(IWeavrApi api) : IWeavrAuthClient
{
    /// <inheritdoc />
    public async Task<WeavrResponse<PasswordLoginResult>> LoginWithPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        WeavrInputGuard.Password(password, nameof(password));
        var context = new WeavrCallContext();
        try
        {
            var body = await api.LoginWithPasswordAsync(
                new LoginWithPasswordRequest(email, new SensitivePassword(new Secret(password))), context, cancellationToken).ConfigureAwait(false);
            var result = new PasswordLoginResult
            {
                Outcome = PasswordLoginOutcome.Authenticated,
                Token = body?.Token is { IsEmpty: false } token ? token : throw MissingField(context, "login_with_password", "token"),
                TokenType = body.TokenType,
                Identity = body.Identity,
                Credentials = body.Credentials,
            };
            return Wrap(result, context);
        }
        catch (WeavrPasswordExpiredException expired)
        {
            var result = new PasswordLoginResult { Outcome = PasswordLoginOutcome.PasswordExpired, Token = expired.TemporaryToken };
            return new WeavrResponse<PasswordLoginResult>(result, expired.StatusCode, expired.RequestRef, null);
        }
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<LoginViaBiometricsResponse>> LoginViaBiometricsAsync(string email, IdentityId? identity = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        if (identity is not null)
        {
            WeavrInputGuard.Identity(identity, nameof(identity));
        }

        var context = new WeavrCallContext();
        var body = await api.LoginViaBiometricsAsync(new LoginViaBiometricsRequest(email, identity), context, cancellationToken).ConfigureAwait(false);

        // The spec leaves challengeId optional, but without it the webhook that carries the outcome cannot be matched.
        return body is { ChallengeId.Length: > 0 } ? Wrap(body, context) : throw MissingField(context, "login_via_biometrics", "challengeId");
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<IdentitiesResponse>> GetIdentitiesAsync(int? offset = null, int? limit = null, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Paging(offset, limit);
        var context = Context(options);
        var body = await api.GetIdentitiesAsync(offset, limit, context, cancellationToken).ConfigureAwait(false);
        return Wrap(body, context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<AccessTokenResponse>> RequestAccessTokenAsync(IdentityId identity, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Identity(identity, nameof(identity));
        var context = Context(options);
        var body = await api.RequestAccessTokenAsync(new AccessTokenRequest(identity), context, cancellationToken).ConfigureAwait(false);
        return body is { Token.IsEmpty: false } ? Wrap(body, context) : throw MissingField(context, "access_token", "token");
    }

    /// <inheritdoc />
    public Task<WeavrResponse<AccessTokenResponse>> RequestDelegatedAccessTokenAsync(IdentityId identity, Secret clientAssertion, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Identity(identity, nameof(identity));
        WeavrInputGuard.OpaqueSecret(clientAssertion, nameof(clientAssertion));
        return RequestAccessTokenWithoutBearerAsync(new AccessTokenRequest(identity) { ClientAssertion = clientAssertion }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WeavrResponse<AccessTokenResponse>> ExchangeOneTimeTokenAsync(IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Identity(identity, nameof(identity));
        WeavrInputGuard.OpaqueSecret(oneTimeToken, nameof(oneTimeToken));
        return RequestAccessTokenWithoutBearerAsync(new AccessTokenRequest(identity) { Token = oneTimeToken }, cancellationToken);
    }

    /// <summary>The api-key-only form of <c>/access_token</c>: exactly one of the assertion and the one-time token, no AUTH token.</summary>
    private async Task<WeavrResponse<AccessTokenResponse>> RequestAccessTokenWithoutBearerAsync(AccessTokenRequest request, CancellationToken cancellationToken)
    {
        if ((request.ClientAssertion is null) == (request.Token is null))
        {
            throw new ArgumentException("Exactly one of clientAssertion and token must be sent.", nameof(request));
        }

        var context = new WeavrCallContext { WithoutBearer = true };
        var body = await api.RequestAccessTokenAsync(request, context, cancellationToken).ConfigureAwait(false);
        return body is { Token.IsEmpty: false } ? Wrap(body, context) : throw MissingField(context, "access_token", "token");
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<AuthenticationFactors>> GetAuthenticationFactorsAsync(WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = Context(options);
        var body = await api.GetAuthenticationFactorsAsync(context, cancellationToken).ConfigureAwait(false);
        return Wrap(body, context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> EnrolOtpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "OTP enrolment", ScaChannel.Sms);
        var context = Context(options);
        await api.EnrolOtpAsync(channel.Value, context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> VerifyOtpEnrolmentAsync(ScaChannel channel, string verificationCode, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "OTP enrolment", ScaChannel.Sms);
        WeavrInputGuard.VerificationCode(verificationCode, nameof(verificationCode));
        var context = Context(options);
        await api.VerifyOtpEnrolmentAsync(channel.Value, new VerificationCodeRequest(new Secret(verificationCode)), context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> EnrolPushAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Biometric enrolment goes through Weavr's mobile SDK; this endpoint takes AUTHY only.
        WeavrInputGuard.Channel(channel, nameof(channel), "Push enrolment", ScaChannel.Authy);
        var context = Context(options);
        await api.EnrolPushAsync(channel.Value, context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> UnlinkPushAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "Push unlink", ScaChannel.Authy, ScaChannel.Biometric);
        var context = Context(options);
        await api.UnlinkPushAsync(channel.Value, context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> StartOtpStepUpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "OTP step-up", ScaChannel.Sms);
        var context = Context(options);
        await api.StartOtpStepUpAsync(channel.Value, context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> VerifyOtpStepUpAsync(ScaChannel channel, string verificationCode, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "OTP step-up", ScaChannel.Sms);
        WeavrInputGuard.VerificationCode(verificationCode, nameof(verificationCode));
        var context = Context(options);
        await api.VerifyOtpStepUpAsync(channel.Value, new VerificationCodeRequest(new Secret(verificationCode)), context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<PushChallenge>> StartPushStepUpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Channel(channel, nameof(channel), "Push step-up", ScaChannel.Authy, ScaChannel.Biometric);
        var context = Context(options);
        var body = await api.StartPushStepUpAsync(channel.Value, context, cancellationToken).ConfigureAwait(false);
        return body is { Id.Length: > 0 } ? Wrap(body, context) : throw MissingField(context, $"stepup/challenges/push/{channel.Value}", "id");
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<LogoutResponse?>> LogoutAsync(WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = Context(options);
        var body = await api.LogoutAsync(context, cancellationToken).ConfigureAwait(false);
        return Wrap(body, context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<PasswordUpdateResponse>> UpdatePasswordAsync(string oldPassword, string newPassword, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Password(oldPassword, nameof(oldPassword));
        WeavrInputGuard.Password(newPassword, nameof(newPassword));
        var context = Context(options);
        var request = new PasswordUpdateRequest(new SensitivePassword(new Secret(oldPassword)), new SensitivePassword(new Secret(newPassword)));
        var body = await ChangePasswordAsync(WeavrEndpoints.PasswordUpdate, () => api.UpdatePasswordAsync(request, context, cancellationToken), context).ConfigureAwait(false);
        return body is { Token.IsEmpty: false }
            ? Wrap(body, context)
            : throw new WeavrPasswordChangedException(WeavrEndpoints.PasswordUpdate.Template, context.StatusCode ?? HttpStatusCode.OK, context.RequestRef, null);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse> StartLostPasswordAsync(string email, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        var context = new WeavrCallContext();
        await api.StartLostPasswordAsync(new EmailRequest(email), context, cancellationToken).ConfigureAwait(false);
        return Wrap(context);
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<LostPasswordResumeResponse>> ResumeLostPasswordAsync(string email, string nonce, string newPassword, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Email(email, nameof(email));
        WeavrInputGuard.Nonce(nonce, nameof(nonce));
        WeavrInputGuard.Password(newPassword, nameof(newPassword));
        var context = new WeavrCallContext();
        var request = new LostPasswordResumeRequest(new Secret(nonce), email, new SensitivePassword(new Secret(newPassword)));
        var body = await ChangePasswordAsync(WeavrEndpoints.LostPasswordResume, () => api.ResumeLostPasswordAsync(request, context, cancellationToken), context).ConfigureAwait(false);
        return body is { Token.IsEmpty: false }
            ? Wrap(body, context)
            : throw new WeavrPasswordChangedException(WeavrEndpoints.LostPasswordResume.Template, context.StatusCode ?? HttpStatusCode.OK, context.RequestRef, null);
    }

    /// <summary>Sends a call that changes the password: a 2xx whose answer cannot be read means the password HAS changed,
    /// so it must not look like a failed change.</summary>
    private static async Task<T?> ChangePasswordAsync<T>(WeavrEndpoint endpoint, Func<Task<T>> send, WeavrCallContext context)
        where T : class
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (AuthClientInvalidResponseException ex) when (ex.StatusCode is { } status && IsSuccess(status))
        {
            throw new WeavrPasswordChangedException(endpoint.Template, status, ex.RequestRef ?? context.RequestRef, ex);
        }
    }

    /// <inheritdoc />
    public async Task<WeavrResponse<PasswordPolicyOutcome>> ValidatePasswordAsync(string password, WeavrCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.Password(password, nameof(password));
        var context = Context(options);
        try
        {
            await api.ValidatePasswordAsync(new PasswordValidateRequest(new SensitivePassword(new Secret(password))), context, cancellationToken).ConfigureAwait(false);
            return Wrap(PasswordPolicyOutcome.Accepted, context);
        }
        catch (WeavrPasswordPolicyException refused)
        {
            return new WeavrResponse<PasswordPolicyOutcome>(refused.Outcome, refused.StatusCode, refused.RequestRef, null);
        }
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and <= 299;

    /// <summary>A success answer without a field the SDK cannot go on without: typed, never a raw null dereference.</summary>
    private static AuthClientInvalidResponseException MissingField(WeavrCallContext context, string operation, string field)
    {
        var status = context.StatusCode ?? HttpStatusCode.OK;
        var text = $"Weavr POST /{operation} answered {(int)status} {status} without '{field}'; the server may have acted on the request";
        if (context.RequestRef is not null)
        {
            text += $" [request-ref {context.RequestRef}]";
        }

        return new AuthClientInvalidResponseException(text + ".", status, context.RequestRef, context.IdempotencyRef, null);
    }

    private static WeavrCallContext Context(WeavrCallOptions? options) =>
        new() { Token = options?.Token, IdempotencyRef = options?.IdempotencyRef };

    private static WeavrResponse<T> Wrap<T>(T value, WeavrCallContext context) =>
        new(value, context.StatusCode ?? HttpStatusCode.OK, context.RequestRef, context.IdempotencyRef);

    private static WeavrResponse Wrap(WeavrCallContext context) =>
        new(context.StatusCode ?? HttpStatusCode.NoContent, context.RequestRef, context.IdempotencyRef);
}
