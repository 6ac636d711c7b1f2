using System.Net;
using AuthClient.Errors;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Testing.Tests.Fakes;

public sealed class WeavrErrorsTests
{
    [Fact]
    public void Conflict_WithOperation_DescribesTheCallLikeTheSdk()
    {
        var e = WeavrErrors.Conflict(WeavrErrorCodes.PasswordTooSimple, WeavrOperation.UpdatePassword, requestRef: "req-9");

        Assert.Equal(
            (HttpStatusCode.Conflict, WeavrErrorCodes.PasswordTooSimple, "req-9", "Weavr", "POST", "/multi/passwords/update"),
            (e.StatusCode, e.ErrorCode, e.RequestRef, e.Details.Api, e.Details.Method, e.Details.Path));
        Assert.Equal("Weavr POST /multi/passwords/update failed with 409 Conflict (error code PASSWORD_TOO_SIMPLE) [request-ref req-9].", e.Message);
    }

    [Fact]
    public void Forbidden_NoOperationNoRef_UsesUnknownRouteAndTheStatusAsRequestRef()
    {
        var e = WeavrErrors.Forbidden();

        Assert.Equal(("?", "?", "req-403", null), (e.Details.Method, e.Details.Path, e.RequestRef, e.ErrorCode));
        Assert.False(e.IsStepUpRequired);
        Assert.Null(e.IdempotencyRef);
        Assert.Null(e.Details.ResponseBody);
    }

    [Fact]
    public void StepUpRequired_IsAForbiddenThatAsksForStepUp()
    {
        var e = WeavrErrors.StepUpRequired(WeavrOperation.UnlinkPush);

        Assert.True(e.IsStepUpRequired);
        Assert.Equal((HttpStatusCode.Forbidden, "DELETE", "/multi/authentication_factors/push/{channel}"), (e.StatusCode, e.Details.Method, e.Details.Path));
    }

    [Fact]
    public void AccessTokenRequired_IsAForbiddenThatAsksForAnAccessToken() =>
        Assert.True(WeavrErrors.AccessTokenRequired().IsAccessTokenRequired);

    [Fact]
    public void InvalidCredentials_IsABare403OnThePasswordLogin()
    {
        var e = WeavrErrors.InvalidCredentials();

        Assert.Equal((HttpStatusCode.Forbidden, null, "POST", "/multi/login_with_password", "req-403"), (e.StatusCode, e.ErrorCode, e.Details.Method, e.Details.Path, e.RequestRef));
    }

    [Fact]
    public void Locked_IsA423OnThePasswordLoginLastingThirtyMinutes()
    {
        var e = WeavrErrors.Locked("req-locked");

        Assert.Equal((HttpStatusCode.Locked, "/multi/login_with_password", "req-locked", TimeSpan.FromMinutes(30)), (e.StatusCode, e.Details.Path, e.RequestRef, e.LockDuration));
    }

    [Fact]
    public void BadRequest_CarriesTheInvalidFields()
    {
        var field = new InvalidField { FieldName = "email", Error = "REGEX" };

        var e = WeavrErrors.BadRequest(field);

        Assert.Equal((HttpStatusCode.BadRequest, "req-400"), (e.StatusCode, e.RequestRef));
        Assert.Equal([field], e.InvalidFields);
        Assert.Empty(WeavrErrors.BadRequest().InvalidFields);
        Assert.Equal("/multi/identities", WeavrErrors.BadRequest([field], WeavrOperation.GetIdentities).Details.Path);
    }

    [Fact]
    public void TokenExpired_IsA410TokenException()
    {
        var e = WeavrErrors.TokenExpired();

        Assert.Equal((HttpStatusCode.Gone, WeavrErrorCodes.TokenExpired, true), (e.StatusCode, e.ErrorCode, e.IsExpired));
    }

    [Fact]
    public void NotFoundAndUnauthorized_HaveTheirTypesAndStatuses()
    {
        Assert.Equal(HttpStatusCode.NotFound, WeavrErrors.NotFound().StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, WeavrErrors.Unauthorized().StatusCode);
    }

    [Fact]
    public void RateLimited_SuggestsTheRetryAfterDelay()
    {
        var e = WeavrErrors.RateLimited(TimeSpan.FromSeconds(7));

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)), (e.StatusCode, e.RateLimit.SuggestedDelay));
        Assert.Null(WeavrErrors.RateLimited().RateLimit.SuggestedDelay);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(599)]
    public void ServerError_5xx_HasThatStatus(int status)
    {
        var e = WeavrErrors.ServerError(status);

        Assert.Equal(((HttpStatusCode)status, "req-" + status), (e.StatusCode, e.RequestRef));
    }

    [Theory]
    [InlineData(499)]
    [InlineData(600)]
    public void ServerError_NotA5xx_ThrowsNamingTheParameter(int status) =>
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => WeavrErrors.ServerError(status)).ParamName);

    [Fact]
    public void Conflict_BlankErrorCode_ThrowsNamingTheParameter() =>
        Assert.Equal("errorCode", Assert.Throws<ArgumentException>(() => WeavrErrors.Conflict(" ")).ParamName);

    [Fact]
    public void Transport_OutcomeUnknown_SaysTheServerMayHaveActed()
    {
        var e = WeavrErrors.Transport(operation: WeavrOperation.EnrolOtp, idempotencyRef: "idem-1");

        Assert.Equal((true, "idem-1"), (e.OutcomeUnknown, e.IdempotencyRef));
        Assert.Equal("Weavr POST /multi/authentication_factors/otp/{channel} failed without an answer (HttpRequestException); the server may have acted on it.", e.Message);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public void Transport_CouldNotConnect_SaysNothingWasSent()
    {
        var e = WeavrErrors.Transport(outcomeUnknown: false, WeavrOperation.LoginWithPassword);

        Assert.False(e.OutcomeUnknown);
        Assert.Equal("Weavr POST /multi/login_with_password could not connect (ConnectionError); nothing was sent.", e.Message);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(e.InnerException).HttpRequestError);
    }

    [Fact]
    public void Timeout_IsATransportFailureWithUnknownOutcome()
    {
        var e = WeavrErrors.Timeout(WeavrOperation.GetIdentities);

        Assert.Equal((true, "Weavr GET /multi/identities timed out."), (e.OutcomeUnknown, e.Message));
    }

    [Theory]
    [MemberData(nameof(WeavrOperationCalls.All), MemberType = typeof(WeavrOperationCalls))]
    public async Task Operation_DescribesTheMethodAndPathTheSdkSends(WeavrOperation operation)
    {
        await using var sandbox = await WeavrSandbox.StartAsync();
        using var services = SandboxServices.Create(sandbox);

        // The sandbox refuses the made-up token (or answers the one operation that needs none); the request it logged is what the real client sent.
        var error = await Record.ExceptionAsync(() => WeavrOperationCalls.CallAsync(services.GetRequiredService<IWeavrAuthClient>(), operation));
        Assert.True(operation == WeavrOperation.ValidatePassword ? error is null : error is AuthClientException, $"{operation}: {error}");
        var sent = Assert.Single(sandbox.RequestLog);
        var described = WeavrErrors.Unauthorized(operation).Details;

        Assert.Equal((sent.Method, sent.Path), (described.Method, described.Path.Replace("{channel}", WeavrOperationCalls.ChannelOf(operation).Value, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InvalidCredentialsAndLocked_MatchWhatTheSdkThrowsForTheSandboxsAnswers()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        var wrong = new List<WeavrForbiddenException>();
        for (var i = 0; i < new SandboxRules().LoginAttemptLimit; i++)
        {
            wrong.Add(await Assert.ThrowsAsync<WeavrForbiddenException>(() => h.Client.LoginWithPasswordAsync(TestUsers.Sms, "wrong")));
        }

        var locked = await Assert.ThrowsAsync<WeavrLockedException>(() => h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));

        AssertSameShape(wrong[0], WeavrErrors.InvalidCredentials());
        AssertSameShape(locked, WeavrErrors.Locked());
    }

    [Fact]
    public async Task StepUpRequiredAndConflict_MatchWhatTheSdkThrowsForTheSandboxsAnswers()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        var access = await AccessTokenAsync(h, TestUsers.Authy);

        var stepUp = await Assert.ThrowsAsync<WeavrForbiddenException>(() => h.Client.UnlinkPushAsync(ScaChannel.Authy, access));
        await h.Client.StartOtpStepUpAsync(ScaChannel.Sms, access);
        var wrongCode = await Assert.ThrowsAsync<WeavrConflictException>(() => h.Client.VerifyOtpStepUpAsync(ScaChannel.Sms, "000000", access));

        AssertSameShape(stepUp, WeavrErrors.StepUpRequired(WeavrOperation.UnlinkPush), channel: "AUTHY");
        AssertSameShape(wrongCode, WeavrErrors.Conflict(WeavrErrorCodes.VerificationCodeInvalid, WeavrOperation.VerifyOtpStepUp), channel: "SMS");
    }

    [Fact]
    public async Task RateLimitedAndServerError_MatchWhatTheSdkThrowsForTheSandboxsAnswers()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        h.Sandbox.Faults.Next().RateLimit(TimeSpan.FromSeconds(3));
        h.Sandbox.Faults.Next().RespondWith(503);

        var limited = await Assert.ThrowsAsync<WeavrRateLimitedException>(() => h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));
        var server = await Assert.ThrowsAsync<WeavrServerException>(() => h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));

        var fakeLimited = WeavrErrors.RateLimited(TimeSpan.FromSeconds(3), WeavrOperation.LoginWithPassword);
        AssertSameShape(limited, fakeLimited);
        Assert.Equal(limited.RateLimit.RetryAfter, fakeLimited.RateLimit.RetryAfter);
        AssertSameShape(server, WeavrErrors.ServerError(503, WeavrOperation.LoginWithPassword));
    }

    private static async Task<WeavrCallOptions> AccessTokenAsync(SandboxHarness h, string email)
    {
        var auth = WeavrCallOptions.WithToken((await h.Client.LoginWithPasswordAsync(email, SandboxUser.DefaultPassword)).Value.Token);
        var identity = (await h.Client.GetIdentitiesAsync(options: auth)).Value.Identities[0].Id;
        return WeavrCallOptions.WithToken((await h.Client.RequestAccessTokenAsync(identity, auth)).Value.Token);
    }

    // Everything but the request-ref (the sandbox's is random) and the body (the fakes keep none).
    private static void AssertSameShape(AuthClientApiException real, AuthClientApiException fake, string? channel = null)
    {
        Assert.Equal(real.GetType(), fake.GetType());
        Assert.Equal(
            (real.StatusCode, real.ErrorCode, real.Details.Api, real.Details.Method, real.Details.Path),
            (fake.StatusCode, fake.ErrorCode, fake.Details.Api, fake.Details.Method, channel is null ? fake.Details.Path : fake.Details.Path.Replace("{channel}", channel, StringComparison.Ordinal)));
        Assert.NotNull(real.RequestRef);
        Assert.Equal("req-" + (int)fake.StatusCode, fake.RequestRef);
    }
}
