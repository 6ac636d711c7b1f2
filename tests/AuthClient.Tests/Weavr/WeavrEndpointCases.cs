using System.Net;
using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary>The wire-contract table: every Weavr operation of the SDK (API.md §2), with exact requests and answers.</summary>
public static class WeavrEndpointCases
{
    public const string Email = "ada.lovelace@example.com";
    public const string Password = "S3cure!Passw0rd";
    public const string OldPassword = "Old!Passw0rd-1";
    public const string NewPassword = "N3w!Passw0rd-2";
    public const string Nonce = "482913";
    public const string ClientAssertion = "eyJhbGciOiJSUzI1NiJ9.delegated.c2ln";
    public const string OneTimeToken = "ott-5f0c9a";

    /// <summary>The per-call token, distinct from the token source's, so the header shows which one was sent.</summary>
    public const string CallToken = "call-token-1b7e";

    private static readonly IdentityId Consumer123 = new(IdentityType.Consumer, "123");

    public static IReadOnlyList<WeavrEndpointCase> All { get; } =
    [
        new()
        {
            Name = "loginWithPassword",
            OperationId = "loginWithPassword",
            Method = "POST",
            Path = "/login_with_password",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"email":"{{{Email}}}","password":{"value":"{{{Password}}}"}}""",
            SuccessStatus = 200,
            SuccessBody = """{"token":"auth-token-9f2","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"110"},"credentials":{"type":"ROOT","id":"220"}}""",
            Invoke = async (c, _) => await c.LoginWithPasswordAsync(Email, Password),
            AssertSuccess = r =>
            {
                var v = Assert.IsType<WeavrResponse<PasswordLoginResult>>(r).Value;
                Assert.Equal(PasswordLoginOutcome.Authenticated, v.Outcome);
                Assert.Equal("auth-token-9f2", v.Token.Reveal());
                Assert.Equal(TokenType.Auth, v.TokenType);
                Assert.Equal(new IdentityId(IdentityType.Consumer, "110"), v.Identity);
                Assert.Equal(new CredentialId(CredentialType.Root, "220"), v.Credentials);
            },
        },
        new()
        {
            Name = "loginViaBiometrics",
            OperationId = "loginViaBiometrics",
            Method = "POST",
            Path = "/login_via_biometrics",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"email":"{{{Email}}}","identity":{"type":"CONSUMER","id":"123"}}""",
            SuccessStatus = 200,
            SuccessBody = """{"challengeId":"5550001"}""",
            Invoke = async (c, _) => await c.LoginViaBiometricsAsync(Email, Consumer123),
            AssertSuccess = r => Assert.Equal("5550001", Assert.IsType<WeavrResponse<LoginViaBiometricsResponse>>(r).Value.ChallengeId),
        },
        new()
        {
            Name = "loginViaBiometrics [no identity]",
            OperationId = "loginViaBiometrics",
            Method = "POST",
            Path = "/login_via_biometrics",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"email":"{{{Email}}}"}""",
            SuccessStatus = 200,
            SuccessBody = """{"challengeId":"5550002"}""",
            Invoke = async (c, _) => await c.LoginViaBiometricsAsync(Email),
            AssertSuccess = r => Assert.Equal("5550002", Assert.IsType<WeavrResponse<LoginViaBiometricsResponse>>(r).Value.ChallengeId),
        },
        new()
        {
            Name = "userIdentities",
            OperationId = "userIdentities",
            Method = "GET",
            Path = "/identities",
            Query = "?offset=10&limit=50",
            Secured = true,
            DeclaresIdempotencyRef = false,
            SuccessStatus = 200,
            SuccessBody = """
                {"identities":[{"id":{"type":"CORPORATE","id":"7"},"name":"Acme Ltd"},{"id":{"type":"CONSUMER","id":"8"},"name":"Ada"}],
                 "count":12,"responseCount":2}
                """,
            Invoke = async (c, o) => await c.GetIdentitiesAsync(offset: 10, limit: 50, o),
            AssertSuccess = r =>
            {
                var v = Assert.IsType<WeavrResponse<IdentitiesResponse>>(r).Value;
                Assert.Equal(
                    [new UserIdentity(new IdentityId(IdentityType.Corporate, "7"), "Acme Ltd"), new UserIdentity(new IdentityId(IdentityType.Consumer, "8"), "Ada")],
                    v.Identities);
                Assert.Equal(12, v.Count);
                Assert.Equal(2, v.ResponseCount);
            },
        },
        new()
        {
            Name = "requestAccessToken",
            OperationId = "requestAccessToken",
            Method = "POST",
            Path = "/access_token",
            Secured = true,
            DeclaresIdempotencyRef = false,
            ExpectedBody = """{"identity":{"type":"CONSUMER","id":"123"}}""",
            SuccessStatus = 200,
            SuccessBody = """{"token":"access-token-77a","identity":{"type":"CONSUMER","id":"123"},"credentials":{"type":"USER","id":"321"},"status":"STANDARD"}""",
            Invoke = async (c, o) => await c.RequestAccessTokenAsync(Consumer123, o),
            AssertSuccess = r =>
            {
                var v = Assert.IsType<WeavrResponse<AccessTokenResponse>>(r).Value;
                Assert.Equal("access-token-77a", v.Token.Reveal());
                Assert.Equal(Consumer123, v.Identity);
                Assert.Equal(new CredentialId(CredentialType.User, "321"), v.Credentials);
                Assert.Equal(AccessTokenStatus.Standard, v.Status);
            },
        },
        new()
        {
            Name = "requestAccessToken [client assertion]",
            OperationId = "requestAccessToken",
            Method = "POST",
            Path = "/access_token",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"identity":{"type":"CONSUMER","id":"123"},"clientAssertion":"{{{ClientAssertion}}}"}""",
            SuccessStatus = 200,
            SuccessBody = """{"token":"access-token-d1","identity":{"type":"CONSUMER","id":"123"},"status":"STANDARD"}""",
            Invoke = async (c, _) => await c.RequestDelegatedAccessTokenAsync(Consumer123, new Secret(ClientAssertion)),
            AssertSuccess = r => Assert.Equal("access-token-d1", Assert.IsType<WeavrResponse<AccessTokenResponse>>(r).Value.Token.Reveal()),
        },
        new()
        {
            Name = "requestAccessToken [one-time token]",
            OperationId = "requestAccessToken",
            Method = "POST",
            Path = "/access_token",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"identity":{"type":"CONSUMER","id":"123"},"token":"{{{OneTimeToken}}}"}""",
            SuccessStatus = 200,
            SuccessBody = """{"token":"access-token-o1","identity":{"type":"CONSUMER","id":"123"},"status":"STEPPED_UP"}""",
            Invoke = async (c, _) => await c.ExchangeOneTimeTokenAsync(Consumer123, new Secret(OneTimeToken)),
            AssertSuccess = r =>
            {
                var v = Assert.IsType<WeavrResponse<AccessTokenResponse>>(r).Value;
                Assert.Equal("access-token-o1", v.Token.Reveal());
                Assert.Equal(AccessTokenStatus.SteppedUp, v.Status);
            },
        },
        new()
        {
            Name = "authFactorsGet",
            OperationId = "authFactorsGet",
            Method = "GET",
            Path = "/authentication_factors",
            Secured = true,
            DeclaresIdempotencyRef = false,
            SuccessStatus = 200,
            SuccessBody = """{"factors":[{"type":"OTP","status":"ACTIVE","channel":"SMS"},{"type":"PUSH","status":"PENDING_VERIFICATION","channel":"AUTHY"}]}""",
            Invoke = async (c, o) => await c.GetAuthenticationFactorsAsync(o),
            AssertSuccess = r =>
            {
                var v = Assert.IsType<WeavrResponse<AuthenticationFactors>>(r).Value;
                Assert.Equal(
                    [
                        new ScaFactor { Type = ScaChallengeType.Otp, Status = ScaFactorStatus.Active, Channel = ScaChannel.Sms },
                        new ScaFactor { Type = ScaChallengeType.Push, Status = ScaFactorStatus.PendingVerification, Channel = ScaChannel.Authy },
                    ],
                    v.Factors);
            },
        },
        new()
        {
            Name = "enrolDeviceUsingOtpStepOne",
            OperationId = "enrolDeviceUsingOtpStepOne",
            Method = "POST",
            Path = "/authentication_factors/otp/SMS",
            Secured = true,
            DeclaresIdempotencyRef = true,
            SuccessStatus = 204,
            Invoke = (c, o) => c.EnrolOtpAsync(ScaChannel.Sms, o),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "enrolDeviceUsingOtpStepTwo",
            OperationId = "enrolDeviceUsingOtpStepTwo",
            Method = "POST",
            Path = "/authentication_factors/otp/SMS/verify",
            Secured = true,
            DeclaresIdempotencyRef = true,
            ExpectedBody = """{"verificationCode":"123456"}""",
            SuccessStatus = 204,
            Invoke = (c, o) => c.VerifyOtpEnrolmentAsync(ScaChannel.Sms, "123456", o),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "enrolDeviceUsingPush",
            OperationId = "enrolDeviceUsingPush",
            Method = "POST",
            Path = "/authentication_factors/push/AUTHY",
            Secured = true,
            DeclaresIdempotencyRef = true,
            SuccessStatus = 204,
            Invoke = (c, o) => c.EnrolPushAsync(ScaChannel.Authy, o),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "unlinkDeviceUsingPush",
            OperationId = "unlinkDeviceUsingPush",
            Method = "DELETE",
            Path = "/authentication_factors/push/BIOMETRIC",
            Secured = true,
            DeclaresIdempotencyRef = true,
            SuccessStatus = 204,
            Invoke = (c, o) => c.UnlinkPushAsync(ScaChannel.Biometric, o),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "stepupSCAChallenge",
            OperationId = "stepupSCAChallenge",
            Method = "POST",
            Path = "/stepup/challenges/otp/SMS",
            Secured = true,
            DeclaresIdempotencyRef = true,
            SuccessStatus = 204,
            Invoke = (c, o) => c.StartOtpStepUpAsync(ScaChannel.Sms, o),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "stepupSCAVerify",
            OperationId = "stepupSCAVerify",
            Method = "POST",
            Path = "/stepup/challenges/otp/SMS/verify",
            Secured = true,
            DeclaresIdempotencyRef = true,
            ExpectedBody = """{"verificationCode":"654321"}""",
            SuccessStatus = 204,
            Invoke = (c, o) => c.VerifyOtpStepUpAsync(ScaChannel.Sms, "654321", o),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "stepupSCAChallengePush",
            OperationId = "stepupSCAChallengePush",
            Method = "POST",
            Path = "/stepup/challenges/push/BIOMETRIC",
            Secured = true,
            DeclaresIdempotencyRef = true,
            SuccessStatus = 200,
            SuccessBody = """{"id":"9876543210"}""",
            Invoke = async (c, o) => await c.StartPushStepUpAsync(ScaChannel.Biometric, o),
            AssertSuccess = r => Assert.Equal("9876543210", Assert.IsType<WeavrResponse<PushChallenge>>(r).Value.Id),
        },
        new()
        {
            Name = "logout [200 url]",
            OperationId = "logout",
            Method = "POST",
            Path = "/logout",
            Secured = true,
            DeclaresIdempotencyRef = false,
            SuccessStatus = 200,
            SuccessBody = """{"url":"https://idp.example.com/logout?session=42"}""",
            Invoke = async (c, o) => await c.LogoutAsync(o),
            AssertSuccess = r => Assert.Equal(
                "https://idp.example.com/logout?session=42",
                Assert.IsType<WeavrResponse<LogoutResponse?>>(r).Value?.Url),
        },
        new()
        {
            Name = "logout [204]",
            OperationId = "logout",
            Method = "POST",
            Path = "/logout",
            Secured = true,
            DeclaresIdempotencyRef = false,
            SuccessStatus = 204,
            Invoke = async (c, o) => await c.LogoutAsync(o),
            AssertSuccess = r =>
            {
                Assert.Null(Assert.IsType<WeavrResponse<LogoutResponse?>>(r).Value);
                Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
            },
        },
        new()
        {
            Name = "passwordUpdate",
            OperationId = "passwordUpdate",
            Method = "POST",
            Path = "/passwords/update",
            Secured = true,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"oldPassword":{"value":"{{{OldPassword}}}"},"newPassword":{"value":"{{{NewPassword}}}"}}""",
            SuccessStatus = 200,
            SuccessBody = """{"passwordInfo":{"identityId":{"type":"CORPORATE","id":"44"},"expiryDate":1767225600000},"token":"token-after-update"}""",
            Invoke = async (c, o) => await c.UpdatePasswordAsync(OldPassword, NewPassword, o),
            AssertSuccess = r =>
            {
                var v = Assert.IsType<WeavrResponse<PasswordUpdateResponse>>(r).Value;
                Assert.Equal("token-after-update", v.Token.Reveal());
                Assert.Equal(new IdentityId(IdentityType.Corporate, "44"), v.PasswordInfo?.IdentityId);
                Assert.Equal(1767225600000L, v.PasswordInfo?.ExpiryDate);
            },
        },
        new()
        {
            Name = "passwordValidate",
            OperationId = "passwordValidate",
            Method = "POST",
            Path = "/passwords/validate",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"password":{"value":"{{{NewPassword}}}"}}""",
            SuccessStatus = 204,
            Invoke = async (c, _) => await c.ValidatePasswordAsync(NewPassword),
            AssertSuccess = r =>
            {
                Assert.Equal(PasswordPolicyOutcome.Accepted, Assert.IsType<WeavrResponse<PasswordPolicyOutcome>>(r).Value);
                Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
            },
        },
        new()
        {
            Name = "lostPasswordInitiate",
            OperationId = "lostPasswordInitiate",
            Method = "POST",
            Path = "/passwords/lost_password/start",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"email":"{{{Email}}}"}""",
            SuccessStatus = 204,
            Invoke = async (c, _) => await c.StartLostPasswordAsync(Email),
            AssertSuccess = NoContent,
        },
        new()
        {
            Name = "lostPasswordResume",
            OperationId = "lostPasswordResume",
            Method = "POST",
            Path = "/passwords/lost_password/resume",
            Secured = false,
            DeclaresIdempotencyRef = false,
            ExpectedBody = $$$"""{"nonce":"{{{Nonce}}}","email":"{{{Email}}}","newPassword":{"value":"{{{NewPassword}}}"}}""",
            SuccessStatus = 200,
            SuccessBody = """{"token":"token-after-reset"}""",
            Invoke = async (c, _) => await c.ResumeLostPasswordAsync(Email, Nonce, NewPassword),
            AssertSuccess = r => Assert.Equal("token-after-reset", Assert.IsType<WeavrResponse<LostPasswordResumeResponse>>(r).Value.Token.Reveal()),
        },
    ];

    /// <summary>Every row by name.</summary>
    public static IReadOnlyDictionary<string, WeavrEndpointCase> ByName { get; } = All.ToDictionary(c => c.Name);

    /// <summary>One row per distinct operation (the first variant), for tests that vary the server's answer instead.</summary>
    public static IReadOnlyList<WeavrEndpointCase> Operations { get; } = [.. All.DistinctBy(c => c.OperationId)];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    public static TheoryData<string> SecuredNames => [.. All.Where(c => c.Secured).Select(c => c.Name)];

    public static TheoryData<string> OperationNames => [.. Operations.Select(c => c.Name)];

    public static WeavrEndpointCase Get(string name) => ByName[name];

    /// <summary>Per-call options carrying <see cref="CallToken"/> and, optionally, a caller-chosen idempotency-ref.</summary>
    public static WeavrCallOptions CallOptions(string? idempotencyRef = null) =>
        new() { Token = new Secret(CallToken), IdempotencyRef = idempotencyRef };

    private static void NoContent(WeavrResponse r)
    {
        Assert.Equal(typeof(WeavrResponse), r.GetType());
        Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
    }
}
