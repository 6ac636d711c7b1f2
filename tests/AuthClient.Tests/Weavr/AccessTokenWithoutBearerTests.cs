using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary>
/// <c>POST /access_token</c> without an AUTH token: a delegated client's <c>clientAssertion</c> or a one-time
/// <c>token</c>, over the wire (WireMock on 127.0.0.1): bad input never leaves the process, the documented errors are
/// typed, and neither secret appears in an exception or a log line.
/// </summary>
public sealed class AccessTokenWithoutBearerTests : IClassFixture<WeavrWireMockFixture>
{
    private const string AssertionText = "eyJhbGciOiJSUzI1NiJ9.secret-assertion.c2ln";
    private const string OneTimeText = "ott-secret-8d1f";
    private static readonly IdentityId Identity = new(IdentityType.Corporate, "110");
    private readonly WeavrWireMockFixture _wire;

    public AccessTokenWithoutBearerTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    /// <summary>Each bad value for each of the two secrets: empty, blank, inner whitespace, control characters, too long.</summary>
    public static TheoryData<string, string> BadSecrets
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var parameter in new[] { "oneTimeToken", "clientAssertion" })
            {
                foreach (var value in new[] { "", " ", "abc def", "abc\n", "tab\tbed", new string('x', 16_385) })
                {
                    data.Add(parameter, value);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadSecrets))]
    public async Task BadSecret_ThrowsNamingTheParameterAndSendsNothing(string parameter, string value)
    {
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => parameter == "oneTimeToken"
            ? sut.Weavr.ExchangeOneTimeTokenAsync(Identity, new Secret(value))
            : sut.Weavr.RequestDelegatedAccessTokenAsync(Identity, new Secret(value)));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Empty(_wire.Server.LogEntries);
    }

    [Fact]
    public async Task BothMethods_NullSecretOrBadIdentity_ThrowBeforeSending()
    {
        using var sut = _wire.CreateClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => sut.Weavr.ExchangeOneTimeTokenAsync(Identity, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => sut.Weavr.RequestDelegatedAccessTokenAsync(Identity, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => sut.Weavr.ExchangeOneTimeTokenAsync(new IdentityId(IdentityType.Corporate, "x1"), new Secret(OneTimeText)));
        Assert.Empty(_wire.Server.LogEntries);
    }

    [Theory]
    [InlineData(401, typeof(WeavrUnauthorizedException))]
    [InlineData(403, typeof(WeavrForbiddenException))]
    [InlineData(423, typeof(WeavrLockedException))]
    public async Task ExchangeOneTimeTokenAsync_DocumentedError_IsTypedAndNeverShowsTheToken(int status, Type expected)
    {
        _wire.Given("POST", "/access_token", status);
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAnyAsync<WeavrApiException>(() => sut.Weavr.ExchangeOneTimeTokenAsync(Identity, new Secret(OneTimeText)));

        Assert.IsType(expected, ex);
        Assert.DoesNotContain(OneTimeText, ex.ToString(), StringComparison.Ordinal);
        Assert.All(sut.Logs.GetSnapshot(), l => Assert.DoesNotContain(OneTimeText, l.Message, StringComparison.Ordinal));
        Assert.Null(_wire.SingleRequest().Header("Authorization"));
    }

    [Fact]
    public async Task RequestDelegatedAccessTokenAsync_BadRequest_IsTypedWithTheInvalidField()
    {
        _wire.Given("POST", "/access_token", 400, """{"message":"Bad Request","syntaxErrors":{"invalidFields":[{"fieldName":"clientAssertion","error":"INVALID"}]}}""");
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<WeavrBadRequestException>(() => sut.Weavr.RequestDelegatedAccessTokenAsync(Identity, new Secret(AssertionText)));

        Assert.Equal("clientAssertion", Assert.Single(ex.InvalidFields).FieldName);
        Assert.DoesNotContain(AssertionText, ex.ToString(), StringComparison.Ordinal);
        Assert.All(sut.Logs.GetSnapshot(), l => Assert.DoesNotContain(AssertionText, l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExchangeOneTimeTokenAsync_SuccessWithoutToken_ThrowsInvalidResponse()
    {
        _wire.Given("POST", "/access_token", 200, """{"identity":{"type":"CORPORATE","id":"110"}}""");
        using var sut = _wire.CreateClient();

        await Assert.ThrowsAsync<AuthClientInvalidResponseException>(() => sut.Weavr.ExchangeOneTimeTokenAsync(Identity, new Secret(OneTimeText)));
    }

    [Fact]
    public void AccessTokenRequest_ToString_RedactsAssertionAndToken()
    {
        var request = new AccessTokenRequest(Identity) { ClientAssertion = new Secret(AssertionText), Token = new Secret(OneTimeText) };

        var text = request.ToString();

        Assert.DoesNotContain(AssertionText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OneTimeText, text, StringComparison.Ordinal);
    }
}
