using System.Net;
using AuthClient.Primitives;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// Builds the results <see cref="IWeavrAuthClient"/> returns, for a <see cref="FakeWeavrAuthClient"/> (or any fake or
/// mock) in your unit tests: <c>fake.OnLoginWithPassword = (_, _) => WeavrResults.Login("auth-token")</c>.
/// Tokens are given as plain strings and returned as <see cref="Secret"/>s; compare with <c>new Secret("auth-token")</c>.
/// Unless given, the <c>request-ref</c> is <c>req-</c> and the status code (e.g. <c>req-200</c>).
/// </summary>
public static class WeavrResults
{
    /// <summary>The AUTH token <see cref="Login"/> and <see cref="PasswordUpdated"/> return unless told otherwise.</summary>
    public const string DefaultAuthToken = "fake-auth-token";

    /// <summary>The ACCESS token <see cref="AccessToken"/> returns unless told otherwise.</summary>
    public const string DefaultAccessToken = "fake-access-token";

    /// <summary>A 200 answer carrying <paramref name="value"/>.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-200</c>.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, if any.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<T> Ok<T>(T value, string? requestRef = null, string? idempotencyRef = null) =>
        new(value, HttpStatusCode.OK, requestRef ?? FakeFailures.DefaultRequestRef(HttpStatusCode.OK), idempotencyRef);

    /// <summary>A 204 answer: what the enrolment, step-up and unlink operations return.</summary>
    /// <param name="requestRef">The <c>request-ref</c>; default <c>req-204</c>.</param>
    /// <param name="idempotencyRef">The <c>idempotency-ref</c> the call was sent with, if any.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse NoContent(string? requestRef = null, string? idempotencyRef = null) =>
        new(HttpStatusCode.NoContent, requestRef ?? FakeFailures.DefaultRequestRef(HttpStatusCode.NoContent), idempotencyRef);

    /// <summary>A successful password login: <see cref="PasswordLoginOutcome.Authenticated"/> with an AUTH token.</summary>
    /// <param name="token">The AUTH token; default <see cref="DefaultAuthToken"/>.</param>
    /// <param name="identity">The identity logged in to, if the test needs one.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<PasswordLoginResult> Login(string token = DefaultAuthToken, IdentityId? identity = null) => Ok(new PasswordLoginResult
    {
        Outcome = PasswordLoginOutcome.Authenticated,
        Token = new Secret(token),
        TokenType = TokenType.Auth,
        Identity = identity,
    });

    /// <summary>A password login whose password has expired: <see cref="PasswordLoginOutcome.PasswordExpired"/> with the
    /// temporary token, valid only for <see cref="IWeavrAuthClient.UpdatePasswordAsync"/> (Weavr answers 409).</summary>
    /// <param name="temporaryToken">The temporary token.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<PasswordLoginResult> PasswordExpired(string temporaryToken) => new(
        new PasswordLoginResult { Outcome = PasswordLoginOutcome.PasswordExpired, Token = new Secret(temporaryToken) },
        HttpStatusCode.Conflict,
        FakeFailures.DefaultRequestRef(HttpStatusCode.Conflict),
        IdempotencyRef: null);

    /// <summary>The answer to <see cref="IWeavrAuthClient.LoginViaBiometricsAsync"/>: a challenge pushed to the user's device.</summary>
    /// <param name="challengeId">The challenge id, matched later by the <c>/stepup/watch</c> webhook.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<LoginViaBiometricsResponse> BiometricLogin(string challengeId) => Ok(new LoginViaBiometricsResponse(challengeId));

    /// <summary>The identities the token holder may act as (one page holding them all).</summary>
    /// <param name="identities">The identities, e.g. <c>new UserIdentity(new IdentityId(IdentityType.Consumer, "100"), "Ada")</c>; none for a user with no identity.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<IdentitiesResponse> Identities(params UserIdentity[] identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        return Ok(new IdentitiesResponse { Identities = [.. identities], Count = identities.Length, ResponseCount = identities.Length });
    }

    /// <summary>An ACCESS token for <paramref name="identity"/>.</summary>
    /// <param name="identity">The identity the token acts as.</param>
    /// <param name="status">The token strength; default <see cref="AccessTokenStatus.Standard"/> (after a biometric login Weavr says <see cref="AccessTokenStatus.SteppedUp"/>).</param>
    /// <param name="token">The ACCESS token; default <see cref="DefaultAccessToken"/>.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<AccessTokenResponse> AccessToken(IdentityId identity, AccessTokenStatus? status = null, string token = DefaultAccessToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Ok(new AccessTokenResponse { Token = new Secret(token), Identity = identity, Status = status ?? AccessTokenStatus.Standard });
    }

    /// <summary>The user's authentication factors.</summary>
    /// <param name="factors">The factors, e.g. <c>WeavrResults.Factor(ScaChannel.Sms)</c>; none for a user with no factor.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<AuthenticationFactors> Factors(params ScaFactor[] factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return Ok(new AuthenticationFactors { Factors = [.. factors] });
    }

    /// <summary>One authentication factor, its type inferred from the channel as Weavr reports it
    /// (<c>SMS</c> → <c>OTP</c>, <c>AUTHY</c> → <c>PUSH</c>, <c>BIOMETRIC</c> → <c>BIOMETRIC</c>).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="status">The enrolment status; default <see cref="ScaFactorStatus.Active"/>.</param>
    /// <returns>The factor.</returns>
    public static ScaFactor Factor(ScaChannel channel, ScaFactorStatus? status = null) => new()
    {
        Channel = channel,
        Status = status ?? ScaFactorStatus.Active,
        Type = channel == ScaChannel.Sms ? ScaChallengeType.Otp
            : channel == ScaChannel.Authy ? ScaChallengeType.Push
            : channel == ScaChannel.Biometric ? ScaChallengeType.Biometric
            : null,
    };

    /// <summary>The answer to <see cref="IWeavrAuthClient.StartPushStepUpAsync"/>: a push challenge.</summary>
    /// <param name="challengeId">The challenge id, matched later by the <c>/stepup/watch</c> webhook.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<PushChallenge> PushChallenge(string challengeId) => Ok(new PushChallenge(challengeId));

    /// <summary>The answer to <see cref="IWeavrAuthClient.LogoutAsync"/>: 204 with no body, or 200 with a logout URL.</summary>
    /// <param name="url">The third-party logout URL, or <see langword="null"/> for the usual 204.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<LogoutResponse?> Logout(string? url = null) => url is null
        ? new(null, HttpStatusCode.NoContent, FakeFailures.DefaultRequestRef(HttpStatusCode.NoContent), IdempotencyRef: null)
        : Ok<LogoutResponse?>(new LogoutResponse(url));

    /// <summary>The answer to <see cref="IWeavrAuthClient.UpdatePasswordAsync"/>: the token to use from now on.</summary>
    /// <param name="token">The new AUTH token; default <see cref="DefaultAuthToken"/>.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<PasswordUpdateResponse> PasswordUpdated(string token = DefaultAuthToken) =>
        Ok(new PasswordUpdateResponse { Token = new Secret(token) });

    /// <summary>The answer to <see cref="IWeavrAuthClient.StartLostPasswordAsync"/>: 204.</summary>
    /// <returns>The response.</returns>
    public static WeavrResponse LostPasswordStarted() =>
        new(HttpStatusCode.NoContent, FakeFailures.DefaultRequestRef(HttpStatusCode.NoContent), IdempotencyRef: null);

    /// <summary>The answer to <see cref="IWeavrAuthClient.ResumeLostPasswordAsync"/>: the token to continue with.</summary>
    /// <param name="token">The token; default <see cref="DefaultAuthToken"/>.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<LostPasswordResumeResponse> LostPasswordResumed(string token = DefaultAuthToken) =>
        Ok(new LostPasswordResumeResponse { Token = new Secret(token) });

    /// <summary>The answer to <see cref="IWeavrAuthClient.ValidatePasswordAsync"/>: 204 when accepted, else 409 with the broken rule.</summary>
    /// <param name="outcome">What the policy says; default <see cref="PasswordPolicyOutcome.Accepted"/>.</param>
    /// <returns>The response.</returns>
    public static WeavrResponse<PasswordPolicyOutcome> PasswordPolicy(PasswordPolicyOutcome outcome = PasswordPolicyOutcome.Accepted)
    {
        var status = outcome == PasswordPolicyOutcome.Accepted ? HttpStatusCode.NoContent : HttpStatusCode.Conflict;
        return new(outcome, status, FakeFailures.DefaultRequestRef(status), IdempotencyRef: null);
    }
}
