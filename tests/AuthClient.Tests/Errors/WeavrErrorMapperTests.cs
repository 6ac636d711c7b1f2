using System.Net;
using AuthClient.Errors;
using AuthClient.Tests.Support;
using AuthClient.Tests.Weavr;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Errors;

/// <summary>
/// Every documented (and observed) Weavr error answer (API.md §1.4, §2) becomes its typed exception with the status,
/// error code, messages, <c>request-ref</c> and the <c>idempotency-ref</c> the call was sent with — over the wire,
/// through <see cref="IWeavrAuthClient"/>.
/// </summary>
public sealed partial class WeavrErrorMapperTests : IClassFixture<WeavrWireMockFixture>
{
    private const string RequestRef = "rr-err-8c21";
    private const string CallerIdempotencyRef = "idem-err-3f7a";

    /// <summary>One representative answer per documented status: body, exception type and error code it must yield.</summary>
    private static readonly IReadOnlyDictionary<int, (string? Body, Type Exception, string? ErrorCode)> Answers =
        new Dictionary<int, (string?, Type, string?)>
        {
            [400] = ("""{"message":"Bad request","syntaxErrors":{"invalidFields":[{"fieldName":"email","error":"REQUIRED"}]}}""", typeof(WeavrBadRequestException), null),
            [401] = (null, typeof(WeavrUnauthorizedException), null),
            [403] = ("""{"errorCode":"INSUFFICIENT_PERMISSIONS"}""", typeof(WeavrForbiddenException), "INSUFFICIENT_PERMISSIONS"),
            [404] = ("""{"code":"NOT_FOUND","message":"Resource not found"}""", typeof(WeavrNotFoundException), "NOT_FOUND"),
            [405] = ("""{"code":"METHOD_NOT_ALLOWED","message":"Not allowed now"}""", typeof(WeavrMethodNotAllowedException), "METHOD_NOT_ALLOWED"),
            [409] = ("""{"errorCode":"STATE_INVALID"}""", typeof(WeavrConflictException), "STATE_INVALID"),
            [410] = ("""{"errorCode":"TOKEN_EXPIRED"}""", typeof(WeavrTokenException), "TOKEN_EXPIRED"),
            [423] = (null, typeof(WeavrLockedException), null),
            [429] = (null, typeof(WeavrRateLimitedException), null),
            [500] = (null, typeof(WeavrServerException), null),
            [503] = (null, typeof(WeavrServerException), null),
            [418] = ("""{"code":"TEAPOT","message":"I am a teapot"}""", typeof(WeavrApiException), "TEAPOT"),
        };

    private readonly WeavrWireMockFixture _wire;

    public WeavrErrorMapperTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    public static TheoryData<string, int> OperationsByStatus
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var op in WeavrEndpointCases.Operations)
            {
                foreach (var status in Answers.Keys)
                {
                    data.Add(op.Name, status);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OperationsByStatus))]
    public async Task AnyOperation_ErrorStatus_ThrowsTypedExceptionWithStatusCodeAndReferences(string operation, int status)
    {
        var op = WeavrEndpointCases.Get(operation);
        var (body, exceptionType, errorCode) = Answers[status];
        _wire.Given(op.Method, op.Path, status, body, ("request-ref", RequestRef));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAnyAsync<WeavrApiException>(() => op.Invoke(sut.Weavr, WeavrEndpointCases.CallOptions(CallerIdempotencyRef)));

        Assert.Equal(exceptionType, ex.GetType());
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(errorCode, ex.ErrorCode);
        Assert.Equal(RequestRef, ex.RequestRef);
        Assert.Equal(op.DeclaresIdempotencyRef ? CallerIdempotencyRef : null, ex.IdempotencyRef);
        Assert.Equal("Weavr", ex.Details.Api);
        Assert.Equal(op.Method, ex.Details.Method);
        Assert.Equal(WeavrWireMockFixture.BasePath + op.Path, ex.Details.Path);
        Assert.Equal(body, ex.Details.ResponseBody);
        Assert.Contains(RequestRef, ex.Message, StringComparison.Ordinal);
        AssertNoSecrets(ex);
        _wire.SingleRequest(); // No retry: exactly one request went out.
    }

    [Fact]
    public async Task IdempotentOperation_ErrorWithGeneratedRef_ReportsTheRefThatWasSent()
    {
        _wire.Given("POST", "/stepup/challenges/otp/SMS", 409, """{"errorCode":"RETRY_IN_15SEC"}""", ("request-ref", RequestRef));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => sut.Weavr.StartOtpStepUpAsync(ScaChannel.Sms, WeavrEndpointCases.CallOptions()));

        var sent = _wire.SingleRequest().Header("idempotency-ref");
        Assert.False(string.IsNullOrEmpty(sent));
        Assert.Equal(sent, ex.IdempotencyRef);
        Assert.Contains(sent, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequest_DocumentedSyntaxErrors_ParsesInvalidFieldsAndMessage()
    {
        const string body = """
            {"message":"Bad request","syntaxErrors":{"invalidFields":[
              {"params":["6","6"],"fieldName":"verificationCode","error":"SIZE"},
              {"fieldName":"email","error":"REQUIRED"}]}}
            """;
        var ex = await CallAsync<WeavrBadRequestException>("stepupSCAVerify", 400, body);

        Assert.Equal(2, ex.InvalidFields.Count);
        Assert.Equal("verificationCode", ex.InvalidFields[0].FieldName);
        Assert.Equal("SIZE", ex.InvalidFields[0].Error);
        Assert.Equal(["6", "6"], ex.InvalidFields[0].Params);
        Assert.Equal("email", ex.InvalidFields[1].FieldName);
        Assert.Equal("REQUIRED", ex.InvalidFields[1].Error);
        Assert.Null(ex.InvalidFields[1].Params);
        Assert.Equal(["Bad request"], ex.Details.ServerMessages);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task BadRequest_ObservedTopLevelInvalidFields_ParsesInvalidFields()
    {
        var ex = await CallAsync<WeavrBadRequestException>("loginWithPassword", 400, """{"invalidFields":[{"error":"REQUIRED","fieldName":"api-key"}]}""");

        var field = Assert.Single(ex.InvalidFields);
        Assert.Equal("api-key", field.FieldName);
        Assert.Equal("REQUIRED", field.Error);
        Assert.Empty(ex.Details.ServerMessages);
    }

    [Fact]
    public async Task BadRequest_ObservedEmbeddedErrors_CollectsTheirMessages()
    {
        const string body = """{"_embedded":{"errors":[{"message":"request.email: must not be blank"},{"message":"request.password: must not be null"}]}}""";
        var ex = await CallAsync<WeavrBadRequestException>("loginWithPassword", 400, body);

        Assert.Equal(["request.email: must not be blank", "request.password: must not be null"], ex.Details.ServerMessages);
        Assert.Contains("request.email: must not be blank", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.InvalidFields);
    }

    [Fact]
    public async Task BadRequest_ObservedMessageOnly_KeepsMessage()
    {
        var ex = await CallAsync<WeavrBadRequestException>(
            "enrolDeviceUsingOtpStepTwo", 400, """{"message":"request.verificationCode: size must be between 6 and 6"}""");

        Assert.Equal(["request.verificationCode: size must be between 6 and 6"], ex.Details.ServerMessages);
        Assert.Contains("size must be between 6 and 6", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ex.InvalidFields);
        Assert.Equal(CallerIdempotencyRef, ex.IdempotencyRef);
    }

    [Fact]
    public async Task BadRequest_NotJson_KeepsRawTextAndStatus()
    {
        var op = WeavrEndpointCases.Get("requestAccessToken");
        _wire.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(WeavrWireMockFixture.BasePath + op.Path).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(400).WithHeader("Content-Type", "text/html").WithBody("<html>bad gateway page</html>"));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<WeavrBadRequestException>(() => op.Invoke(sut.Weavr, WeavrEndpointCases.CallOptions()));

        Assert.Equal("<html>bad gateway page</html>", ex.Details.ResponseBody);
        Assert.Empty(ex.InvalidFields);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task Unauthorized_EmptyBody_HasStatusAndReferencesOnly()
    {
        var ex = await CallAsync<WeavrUnauthorizedException>("authFactorsGet", 401, null);

        Assert.Null(ex.ErrorCode);
        Assert.Empty(ex.Details.ServerMessages);
        Assert.Null(ex.Details.ResponseBody);
        Assert.Equal(RequestRef, ex.RequestRef);
    }

    [Theory]
    [InlineData("enrolDeviceUsingPush", """{"errorCode":"STEP_UP_REQUIRED"}""", "STEP_UP_REQUIRED")]
    [InlineData("unlinkDeviceUsingPush", """{"errorCode":"ACCESS_TOKEN_REQUIRED"}""", "ACCESS_TOKEN_REQUIRED")]
    [InlineData("authFactorsGet", """{"errorCode":"INSUFFICIENT_PERMISSIONS"}""", "INSUFFICIENT_PERMISSIONS")]
    [InlineData("stepupSCAChallenge", """{"message":"STEP_UP_REQUIRED"}""", "STEP_UP_REQUIRED")]
    [InlineData("stepupSCAChallenge", """{"message":"ACCESS_TOKEN_REQUIRED"}""", "ACCESS_TOKEN_REQUIRED")]
    [InlineData("passwordUpdate", """{"errorCode":"INSUFFICIENT_PERMISSIONS","message":"STEP_UP_REQUIRED"}""", "INSUFFICIENT_PERMISSIONS")]
    [InlineData("passwordUpdate", """{"message":"Something else went wrong"}""", null)]
    [InlineData("loginWithPassword", null, null)]
    [InlineData("requestAccessToken", null, null)]
    public async Task Forbidden_ReasonInErrorCodeOrMessageOrNone_SetsErrorCodeAndFlags(string operation, string? body, string? expectedCode)
    {
        var ex = await CallAsync<WeavrForbiddenException>(operation, 403, body);

        Assert.Equal(expectedCode, ex.ErrorCode);
        Assert.Equal(expectedCode == WeavrErrorCodes.StepUpRequired, ex.IsStepUpRequired);
        Assert.Equal(expectedCode == WeavrErrorCodes.AccessTokenRequired, ex.IsAccessTokenRequired);
        Assert.Equal(expectedCode == WeavrErrorCodes.InsufficientPermissions, ex.IsInsufficientPermissions);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(RequestRef, ex.RequestRef);
    }

    [Fact]
    public async Task NotFound_DocumentedError_ParsesCodeAndMessage()
    {
        var ex = await CallAsync<WeavrNotFoundException>("authFactorsGet", 404, """{"code":"IDENTITY_NOT_FOUND","message":"No such identity"}""");

        Assert.Equal("IDENTITY_NOT_FOUND", ex.ErrorCode);
        Assert.Equal(["No such identity"], ex.Details.ServerMessages);
        Assert.Contains("No such identity", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loginWithPassword", 404, "TOKEN_NOT_FOUND", false)]
    [InlineData("loginWithPassword", 404, "TOKEN_EXPIRED", true)]
    [InlineData("loginWithPassword", 410, "TOKEN_EXPIRED", true)]
    [InlineData("passwordUpdate", 404, "TOKEN_NOT_FOUND", false)]
    [InlineData("passwordUpdate", 410, "TOKEN_EXPIRED", true)]
    [InlineData("passwordUpdate", 410, "TOKEN_NOT_FOUND", false)]
    public async Task TokenError_404Or410_ThrowsTokenException(string operation, int status, string code, bool expired)
    {
        var ex = await CallAsync<WeavrTokenException>(operation, status, $$"""{"errorCode":"{{code}}"}""");

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(expired, ex.IsExpired);
    }

    [Theory]
    [InlineData("stepupSCAChallenge")]
    [InlineData("stepupSCAChallengePush")]
    public async Task MethodNotAllowed_DocumentedError_ThrowsMethodNotAllowed(string operation)
    {
        var ex = await CallAsync<WeavrMethodNotAllowedException>(operation, 405, """{"code":"METHOD_NOT_ALLOWED","message":"Challenge already in progress"}""");

        Assert.Equal("METHOD_NOT_ALLOWED", ex.ErrorCode);
        Assert.Equal(["Challenge already in progress"], ex.Details.ServerMessages);
        Assert.Equal(CallerIdempotencyRef, ex.IdempotencyRef);
    }

    /// <summary>Every 409 <c>errorCode</c> each operation documents (API.md §2).</summary>
    public static TheoryData<string, string> DocumentedConflicts => new()
    {
        { "loginViaBiometrics", WeavrErrorCodes.ChannelNotRegistered },
        { "loginViaBiometrics", WeavrErrorCodes.ChannelNotSupported },
        { "userIdentities", WeavrErrorCodes.IdentityTypeNotSupported },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.ChannelNotSupported },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.ChannelAlreadyRegistered },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.MobileNumberNotAvailable },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.MobileNumberInvalid },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.MobileCountryNotSupported },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.CredentialsInactive },
        { "enrolDeviceUsingOtpStepOne", WeavrErrorCodes.TypeDoesNotSupportEnrolment },
        { "enrolDeviceUsingOtpStepTwo", WeavrErrorCodes.VerificationCodeExpired },
        { "enrolDeviceUsingOtpStepTwo", WeavrErrorCodes.VerificationCodeInvalid },
        { "enrolDeviceUsingOtpStepTwo", WeavrErrorCodes.ChallengeLimitExceeded },
        { "enrolDeviceUsingOtpStepTwo", WeavrErrorCodes.OneChallengeLimitRemaining },
        { "enrolDeviceUsingOtpStepTwo", WeavrErrorCodes.StateInvalid },
        { "enrolDeviceUsingPush", WeavrErrorCodes.ChannelNotReady },
        { "enrolDeviceUsingPush", WeavrErrorCodes.PasscodeNotSet },
        { "enrolDeviceUsingPush", WeavrErrorCodes.EnrolmentLimitExceeded },
        { "unlinkDeviceUsingPush", WeavrErrorCodes.ChannelNotRegistered },
        { "unlinkDeviceUsingPush", WeavrErrorCodes.CredentialsInactive },
        { "stepupSCAChallenge", WeavrErrorCodes.RetryIn15Sec },
        { "stepupSCAChallenge", WeavrErrorCodes.ChannelNotRegistered },
        { "stepupSCAChallenge", WeavrErrorCodes.ChallengeLimitExceeded },
        { "stepupSCAVerify", WeavrErrorCodes.VerificationCodeInvalid },
        { "stepupSCAVerify", WeavrErrorCodes.VerificationCodeExpired },
        { "stepupSCAVerify", WeavrErrorCodes.AlreadyVerified },
        { "stepupSCAVerify", WeavrErrorCodes.StateInvalid },
        { "stepupSCAChallengePush", WeavrErrorCodes.StateInvalid },
        { "stepupSCAChallengePush", WeavrErrorCodes.ChannelNotRegistered },
        { "passwordUpdate", WeavrErrorCodes.PasswordAlreadyUsed },
        { "passwordUpdate", WeavrErrorCodes.PasswordTooShort },
        { "passwordUpdate", WeavrErrorCodes.PasswordTooLong },
        { "passwordUpdate", WeavrErrorCodes.PasswordTooSimple },
        { "passwordUpdate", WeavrErrorCodes.PasswordIncorrect },
        { "passwordValidate", WeavrErrorCodes.UnresolvedIdentity },
        { "passwordValidate", WeavrErrorCodes.PasswordProfileNotConfiguredForCredentialType },
        { "lostPasswordInitiate", WeavrErrorCodes.MultipleAccountsFound },
        { "lostPasswordInitiate", WeavrErrorCodes.AccountNotFound },
        { "lostPasswordResume", WeavrErrorCodes.InvalidNonceOrEmail },
        { "lostPasswordResume", WeavrErrorCodes.PasswordAlreadyUsed },
        { "lostPasswordResume", WeavrErrorCodes.PasswordTooShort },
        { "lostPasswordResume", WeavrErrorCodes.PasswordTooLong },
        { "lostPasswordResume", WeavrErrorCodes.PasswordTooSimple },
        { "lostPasswordResume", WeavrErrorCodes.PasswordIncorrect },
        { "lostPasswordResume", WeavrErrorCodes.PasswordNotSet },
    };

    [Theory]
    [MemberData(nameof(DocumentedConflicts))]
    public async Task Conflict_DocumentedErrorCode_ThrowsConflictWithThatCode(string operation, string code)
    {
        var ex = await CallAsync<WeavrConflictException>(operation, 409, $$"""{"errorCode":"{{code}}"}""");

        // A password-policy refusal is the typed subclass, whichever operation answered it.
        var policy = WeavrPasswordPolicyException.FromErrorCode(code) is not null;
        Assert.Equal(policy ? typeof(WeavrPasswordPolicyException) : typeof(WeavrConflictException), ex.GetType());
        Assert.Equal(code, ex.ErrorCode);
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
        Assert.Equal(WeavrEndpointCases.Get(operation).DeclaresIdempotencyRef ? CallerIdempotencyRef : null, ex.IdempotencyRef);
    }

    [Fact]
    public async Task Conflict_UnknownErrorCode_KeepsItAsText()
    {
        var ex = await CallAsync<WeavrConflictException>("stepupSCAVerify", 409, """{"errorCode":"SOMETHING_NEW_IN_3_70","extra":{"nested":true}}""");

        Assert.Equal("SOMETHING_NEW_IN_3_70", ex.ErrorCode);
    }

    [Theory]
    [InlineData("loginWithPassword")]
    [InlineData("loginViaBiometrics")]
    [InlineData("requestAccessToken")]
    public async Task Locked_423_ThrowsLockedForThirtyMinutes(string operation)
    {
        var ex = await CallAsync<WeavrLockedException>(operation, 423, null);

        Assert.Equal(HttpStatusCode.Locked, ex.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(30), ex.LockDuration);
        Assert.Equal(RequestRef, ex.RequestRef);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(503, null)]
    [InlineData(500, """{"code":"INTERNAL","message":"Unexpected"}""")]
    public async Task ServerError_5xx_ThrowsServerException(int status, string? body)
    {
        var ex = await CallAsync<WeavrServerException>("loginWithPassword", status, body);

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(body is null ? null : "INTERNAL", ex.ErrorCode);
    }

    [Fact]
    public async Task DefaultStatus_UndocumentedStatusWithError_ThrowsWeavrApiException()
    {
        var ex = await CallAsync<WeavrApiException>("stepupSCAChallengePush", 418, """{"code":"TEAPOT","message":"Short and stout"}""");

        Assert.Equal(typeof(WeavrApiException), ex.GetType());
        Assert.Equal((HttpStatusCode)418, ex.StatusCode);
        Assert.Equal("TEAPOT", ex.ErrorCode);
        Assert.Equal(["Short and stout"], ex.Details.ServerMessages);
        Assert.Equal(CallerIdempotencyRef, ex.IdempotencyRef);
    }

    [Fact]
    public async Task ErrorAnswer_ContextOfRawCall_RecordsStatusAndRequestRef()
    {
        _wire.Given("POST", "/stepup/challenges/otp/SMS", 409, """{"errorCode":"RETRY_IN_15SEC"}""", ("request-ref", RequestRef));
        using var sut = _wire.CreateClient();
        var context = new WeavrCallContext { Token = new AuthClient.Primitives.Secret(WeavrEndpointCases.CallToken) };

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => sut.Api.StartOtpStepUpAsync("SMS", context));

        Assert.Equal(HttpStatusCode.Conflict, context.StatusCode);
        Assert.Equal(RequestRef, context.RequestRef);
        Assert.Equal(context.IdempotencyRef, ex.IdempotencyRef);
        Assert.NotNull(ex.IdempotencyRef);
    }

    private async Task<TException> CallAsync<TException>(string operation, int status, string? body)
        where TException : Exception
    {
        var op = WeavrEndpointCases.Get(operation);
        _wire.Given(op.Method, op.Path, status, body, ("request-ref", RequestRef));
        using var sut = _wire.CreateClient();
        var ex = await Assert.ThrowsAnyAsync<TException>(() => op.Invoke(sut.Weavr, WeavrEndpointCases.CallOptions(CallerIdempotencyRef)));

        // Exactly the type asked for; the one subclass allowed is the typed password-policy conflict.
        Assert.True(ex.GetType() == typeof(TException) || ex is WeavrPasswordPolicyException, $"{ex.GetType().Name} is not {typeof(TException).Name}.");
        _wire.SingleRequest();
        AssertNoSecrets(ex);
        return ex;
    }

    private static void AssertNoSecrets(Exception ex)
    {
        var text = ex.ToString();
        foreach (var secret in new[] { WeavrWireMockFixture.ApiKey, WeavrEndpointCases.CallToken, WeavrWireMockFixture.AmbientToken, WeavrEndpointCases.Password, WeavrEndpointCases.OldPassword, WeavrEndpointCases.NewPassword })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
