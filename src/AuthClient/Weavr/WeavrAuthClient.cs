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
                Token = body?.Token ?? throw new AuthClientException("Weavr login answered without a token."),
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
        return Wrap(body, context);
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
        return Wrap(body, context);
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
        return Wrap(body, context);
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
        var body = await api.UpdatePasswordAsync(request, context, cancellationToken).ConfigureAwait(false);
        return Wrap(body, context);
    }

    private static WeavrCallContext Context(WeavrCallOptions? options) =>
        new() { Token = options?.Token, IdempotencyRef = options?.IdempotencyRef };

    private static WeavrResponse<T> Wrap<T>(T value, WeavrCallContext context) =>
        new(value, context.StatusCode ?? HttpStatusCode.OK, context.RequestRef, context.IdempotencyRef);

    private static WeavrResponse Wrap(WeavrCallContext context) =>
        new(context.StatusCode ?? HttpStatusCode.NoContent, context.RequestRef, context.IdempotencyRef);
}
