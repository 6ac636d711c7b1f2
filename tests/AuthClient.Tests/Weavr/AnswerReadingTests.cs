using System.Text;
using AuthClient.Errors;
using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthClient.Tests.Weavr;

/// <summary>
/// The hand-written readers of the login answer and of its identity and credential ids, and the byte-level serializer,
/// over the wire: they keep the generated code's contract (names in any case, unknown properties skipped, nulls, typed
/// errors for the wrong shape), send each body once with its length, and still read a body in another charset.
/// </summary>
public sealed class AnswerReadingTests : IClassFixture<WeavrWireMockFixture>
{
    private readonly WeavrWireMockFixture _wire;

    public AnswerReadingTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Fact]
    public async Task LoginWithPasswordAsync_NamesInAnyCaseEscapedAndUnknownFields_ReadAsTheGeneratedCodeDid()
    {
        _wire.Given("POST", "/login_with_password", 200, """
            {"extra":{"nested":[1,{"a":null}]},"TOKEN":"t-1","tokentype":"AUTH","\u0069dentity":{"ID":"7","Type":"CORPORATE","more":[]},"credentials":{"id":"9","type":"USER"},"last":true}
            """);
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password)).Value;

        Assert.Equal("t-1", result.Token.Reveal());
        Assert.Equal(TokenType.Auth, result.TokenType);
        Assert.Equal(new IdentityId(IdentityType.Corporate, "7"), result.Identity);
        Assert.Equal(new CredentialId(CredentialType.FromValue("USER"), "9"), result.Credentials);
    }

    [Fact]
    public async Task LoginWithPasswordAsync_NullFieldsAndANumericType_LeaveThemUnsetOrKeepTheText()
    {
        _wire.Given("POST", "/login_with_password", 200, """{"token":"t-2","tokenType":null,"identity":{"type":3,"id":null},"credentials":null}""");
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password)).Value;

        Assert.Null(result.TokenType);
        Assert.Equal("3", result.Identity!.Type.Value);
        Assert.Null(result.Identity.Id);
        Assert.Null(result.Credentials);
    }

    [Theory]
    [InlineData("""{"token":"t","identity":"CONSUMER-1"}""")]
    [InlineData("""{"token":"t","identity":{"type":"CONSUMER","id":1}}""")]
    [InlineData("""{"token":["t"]}""")]
    [InlineData("""{"token":"t","identity":{"type":null,"id":"1"}}""")]
    [InlineData("""{"token":"t" """)]
    public async Task LoginWithPasswordAsync_WrongShape_IsATypedInvalidResponseWithoutTheBody(string body)
    {
        _wire.Given("POST", "/login_with_password", 200, body);
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClientInvalidResponseException>(
            () => sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password));

        Assert.Contains("not the documented JSON", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CONSUMER", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIdentitiesAsync_WrapperInAnyCaseWithUnknownFields_ReadAsTheGeneratedCodeDid()
    {
        _wire.Given("GET", "/identities", 200, """
            {"Count":5,"page":{"x":1},"IDENTITIES":[{"name":"A","id":{"type":"CONSUMER","id":"1"},"tags":["t"]},{"id":{"id":"2","type":"CORPORATE"},"name":null}],"responseCount":null}
            """);
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.GetIdentitiesAsync(options: WeavrEndpointCases.CallOptions())).Value;

        Assert.Equal(5, result.Count);
        Assert.Equal(2, result.ResponseCount); // missing or null: the page's length
        Assert.Equal([new UserIdentity(new IdentityId(IdentityType.Consumer, "1"), "A"), new UserIdentity(new IdentityId(IdentityType.Corporate, "2"), null!)], result.Identities);
    }

    [Theory]
    [InlineData("""{"identities":[],"count":"5"}""")]
    [InlineData("""{"identities":[],"count":1.5}""")]
    [InlineData("""{"identities":{"id":"1"}}""")]
    [InlineData("""{"identities":[{"id":"CONSUMER-1","name":"A"}]}""")]
    public async Task GetIdentitiesAsync_WrongShape_IsATypedInvalidResponse(string body)
    {
        _wire.Given("GET", "/identities", 200, body);
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClientInvalidResponseException>(
            () => sut.Weavr.GetIdentitiesAsync(options: WeavrEndpointCases.CallOptions()));

        Assert.Contains("not the documented JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAccessTokenAsync_Body_IsSentOnceWithItsLengthAndTheJsonMediaType()
    {
        _wire.Given("POST", "/access_token", 200, """{"token":"t","identity":{"type":"CONSUMER","id":"1"}}""");
        using var sut = _wire.CreateClient();

        await sut.Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Consumer, "42"), WeavrEndpointCases.CallOptions());

        var request = _wire.SingleRequest();
        Assert.Equal("""{"identity":{"type":"CONSUMER","id":"42"}}""", request.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(request.Body!).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(request.Headers!["Content-Length"]));
        Assert.Equal("application/json; charset=utf-8", Assert.Single(request.Headers!["Content-Type"]));
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
    }

    [Fact]
    public async Task GetIdentitiesAsync_Utf16Body_IsTranscodedAsBefore()
    {
        var body = """{"identities":[{"id":{"type":"CONSUMER","id":"1"},"name":"Zoë"}],"count":1,"responseCount":1}""";
        _wire.Server
            .Given(Request.Create().WithPath(WeavrWireMockFixture.BasePath + "/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json; charset=utf-16")
                .WithBody(Encoding.Unicode.GetBytes(body)));
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.GetIdentitiesAsync(options: WeavrEndpointCases.CallOptions())).Value;

        Assert.Equal("Zoë", Assert.Single(result.Identities).Name);
    }
}
