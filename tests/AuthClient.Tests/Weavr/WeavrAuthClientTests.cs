using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary>
/// The wire contract of every Weavr operation (API.md §1–§2) through <see cref="IWeavrAuthClient"/> built by
/// <c>AddAuthClient</c>, against WireMock on 127.0.0.1: method, path, query, headers, exact JSON body, success parsing.
/// </summary>
public sealed class WeavrAuthClientTests : IClassFixture<WeavrWireMockFixture>
{
    private const string RequestRef = "rr-5d1e-0001";
    private readonly WeavrWireMockFixture _wire;

    public WeavrAuthClientTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Theory]
    [MemberData(nameof(WeavrEndpointCases.Names), MemberType = typeof(WeavrEndpointCases))]
    public async Task Operation_Called_SendsExactMethodPathQueryAndBody(string name)
    {
        var op = WeavrEndpointCases.Get(name);
        await CallAsync(op, WeavrEndpointCases.CallOptions());

        var request = _wire.SingleRequest();
        Assert.Equal(op.Method, request.Method);
        Assert.Equal(WeavrWireMockFixture.BasePath + op.Path, request.AbsolutePath);
        Assert.Equal(op.Query ?? string.Empty, request.RawQuery ?? string.Empty);
        if (op.ExpectedBody is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"{name} must send no body, sent: {request.Body}");
            Assert.Null(request.MediaType());
        }
        else
        {
            Assert.Equal("application/json", request.MediaType());
            JsonAssert.Equal(op.ExpectedBody, request.JsonBody());
        }
    }

    [Theory]
    [MemberData(nameof(WeavrEndpointCases.Names), MemberType = typeof(WeavrEndpointCases))]
    public async Task Operation_Called_SendsApiKeyAlwaysAndBearerOnlyOnSecuredOperations(string name)
    {
        // The registered token source answers an ambient token: the login calls must not send even that one.
        var op = WeavrEndpointCases.Get(name);
        await CallAsync(op, WeavrEndpointCases.CallOptions());

        var request = _wire.SingleRequest();
        Assert.Equal(WeavrWireMockFixture.ApiKey, request.Header("api-key"));
        if (op.Secured)
        {
            Assert.Equal($"Bearer {WeavrEndpointCases.CallToken}", request.Header("Authorization"));
        }
        else
        {
            Assert.Null(request.Header("Authorization"));
        }
    }

    [Theory]
    [MemberData(nameof(WeavrEndpointCases.Names), MemberType = typeof(WeavrEndpointCases))]
    public async Task Operation_WithoutCallerIdempotencyRef_GeneratesOneOnlyWhereDeclared(string name)
    {
        var op = WeavrEndpointCases.Get(name);
        var result = await CallAsync(op, WeavrEndpointCases.CallOptions());

        var sent = _wire.SingleRequest().Header("idempotency-ref");
        if (op.DeclaresIdempotencyRef)
        {
            Assert.False(string.IsNullOrWhiteSpace(sent));
            Assert.Equal(sent, result.IdempotencyRef);

            // A random (version 4, RFC 4122 variant) GUID in its 32-digit form.
            Assert.Matches("^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$", sent);
        }
        else
        {
            Assert.Null(sent);
            Assert.Null(result.IdempotencyRef);
        }
    }

    [Theory]
    [MemberData(nameof(WeavrEndpointCases.SecuredNames), MemberType = typeof(WeavrEndpointCases))]
    public async Task Operation_WithCallerIdempotencyRef_SendsItVerbatimOnlyWhereDeclaredAndReportsIt(string name)
    {
        const string callerRef = "order-2024-11-23/attempt:A+1";
        var op = WeavrEndpointCases.Get(name);
        var result = await CallAsync(op, WeavrEndpointCases.CallOptions(callerRef));

        var sent = _wire.SingleRequest().Header("idempotency-ref");
        if (op.DeclaresIdempotencyRef)
        {
            Assert.Equal(callerRef, sent);
            Assert.Equal(callerRef, result.IdempotencyRef);
        }
        else
        {
            // Not declared by the operation: never sent, so never reported as if it had been.
            Assert.Null(sent);
            Assert.Null(result.IdempotencyRef);
        }
    }

    [Theory]
    [MemberData(nameof(WeavrEndpointCases.Names), MemberType = typeof(WeavrEndpointCases))]
    public async Task Operation_Succeeds_ParsesEveryFieldAndRequestRef(string name)
    {
        var op = WeavrEndpointCases.Get(name);
        var result = await CallAsync(op, WeavrEndpointCases.CallOptions());

        Assert.Equal((HttpStatusCode)op.SuccessStatus, result.StatusCode);
        Assert.Equal(RequestRef, result.RequestRef);
        op.AssertSuccess(result);
    }

    [Theory]
    [InlineData("PASSWORD_TOO_SHORT", PasswordPolicyOutcome.TooShort)]
    [InlineData("PASSWORD_TOO_LONG", PasswordPolicyOutcome.TooLong)]
    [InlineData("PASSWORD_TOO_SIMPLE", PasswordPolicyOutcome.TooSimple)]
    public async Task ValidatePasswordAsync_PolicyRefusal_IsAnOutcomeNotAnException(string code, PasswordPolicyOutcome expected)
    {
        _wire.Given("POST", "/passwords/validate", 409, $$"""{"errorCode":"{{code}}"}""", ("request-ref", "rr-policy"));
        using var sut = _wire.CreateClient();

        var response = await sut.Weavr.ValidatePasswordAsync("simple");

        Assert.Equal((expected, System.Net.HttpStatusCode.Conflict, "rr-policy"), (response.Value, response.StatusCode, response.RequestRef));
        Assert.Null(_wire.SingleRequest().Header("Authorization"));
    }

    [Theory]
    [InlineData("PASSWORD_PROFILE_NOT_CONFIGURED_FOR_CREDENTIAL_TYPE")]
    [InlineData("UNRESOLVED_IDENTITY")]
    public async Task ValidatePasswordAsync_ProgrammeConflict_ThrowsConflict(string code)
    {
        _wire.Given("POST", "/passwords/validate", 409, $$"""{"errorCode":"{{code}}"}""");
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClient.Errors.WeavrConflictException>(() => sut.Weavr.ValidatePasswordAsync("Passw0rd!"));

        Assert.Equal(code, ex.ErrorCode);
        Assert.IsNotType<AuthClient.Errors.WeavrPasswordPolicyException>(ex);
    }

    [Fact]
    public async Task UpdatePasswordAsync_PolicyRefusal_ThrowsTypedPolicyException()
    {
        _wire.Given("POST", "/passwords/update", 409, """{"errorCode":"PASSWORD_TOO_LONG"}""");
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClient.Errors.WeavrPasswordPolicyException>(
            () => sut.Weavr.UpdatePasswordAsync(WeavrEndpointCases.OldPassword, WeavrEndpointCases.NewPassword, WeavrEndpointCases.CallOptions()));

        Assert.Equal(PasswordPolicyOutcome.TooLong, ex.Outcome);
        Assert.DoesNotContain(WeavrEndpointCases.NewPassword, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIdentitiesAsync_WithoutPaging_SendsNoQuery()
    {
        _wire.Given("GET", "/identities", 200, """{"identities":[],"count":0,"responseCount":0}""");
        using var sut = _wire.CreateClient();

        await sut.Weavr.GetIdentitiesAsync(options: WeavrEndpointCases.CallOptions());

        Assert.True(string.IsNullOrEmpty(_wire.SingleRequest().RawQuery));
    }

    [Fact]
    public async Task GetIdentitiesAsync_NoTokenAnywhere_SendsApiKeyAloneAsDocumented()
    {
        // /identities and /access_token also accept the api key alone (security alternative in the spec).
        _wire.Given("GET", "/identities", 200, """{"identities":[],"count":0,"responseCount":0}""");
        using var sut = _wire.CreateClient(tokenSource: new StaticWeavrTokenSource(null));

        await sut.Weavr.GetIdentitiesAsync();

        var request = _wire.SingleRequest();
        Assert.Equal(WeavrWireMockFixture.ApiKey, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task SecuredOperation_NoTokenAnywhere_ThrowsBeforeSending()
    {
        _wire.Given("GET", "/authentication_factors", 200, """{"factors":[]}""");
        using var sut = _wire.CreateClient(tokenSource: new StaticWeavrTokenSource(null));

        var ex = await Assert.ThrowsAsync<AuthClientException>(() => sut.Weavr.GetAuthenticationFactorsAsync());

        Assert.Contains("authFactorsGet", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_wire.Server.LogEntries);
    }

    [Fact]
    public async Task SecuredOperation_NoCallToken_SendsTokenFromTokenSource()
    {
        _wire.Given("POST", "/stepup/challenges/otp/SMS", 204);
        var source = new StaticWeavrTokenSource("source-token-42");
        using var sut = _wire.CreateClient(tokenSource: source);

        await sut.Weavr.StartOtpStepUpAsync(ScaChannel.Sms);

        Assert.Equal("Bearer source-token-42", _wire.SingleRequest().Header("Authorization"));
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task IdempotentOperation_TwoCallsWithoutCallerRef_SendDifferentRefs()
    {
        _wire.Given("POST", "/authentication_factors/otp/SMS", 204);
        using var sut = _wire.CreateClient();

        var first = await sut.Weavr.EnrolOtpAsync(ScaChannel.Sms, WeavrEndpointCases.CallOptions());
        var second = await sut.Weavr.EnrolOtpAsync(ScaChannel.Sms, WeavrEndpointCases.CallOptions());

        var sent = _wire.Requests().Select(r => r.Header("idempotency-ref")).ToList();
        Assert.Equal([first.IdempotencyRef, second.IdempotencyRef], sent);
        Assert.NotEqual(first.IdempotencyRef, second.IdempotencyRef);
    }

    [Fact]
    public async Task LogoutAsync_CallTokenGiven_SendsThatTokenNotTheSourcesOne()
    {
        _wire.Given("POST", "/logout", 204);
        var source = new StaticWeavrTokenSource("source-token-42");
        using var sut = _wire.CreateClient(tokenSource: source);

        await sut.Weavr.LogoutAsync(WeavrCallOptions.WithToken(new Secret("the-session-token")));

        Assert.Equal("Bearer the-session-token", _wire.SingleRequest().Header("Authorization"));
        Assert.Equal(0, source.Calls);
    }

    private async Task<WeavrResponse> CallAsync(WeavrEndpointCase op, WeavrCallOptions options)
    {
        _wire.Given(op.Method, op.Path, op.SuccessStatus, op.SuccessBody, ("request-ref", RequestRef));
        using var sut = _wire.CreateClient();
        return await op.Invoke(sut.Weavr, options);
    }
}
