using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary>Token answers with values this SDK version does not know: they deserialize and keep their text.</summary>
public sealed class AccessTokenResponseTests : IClassFixture<WeavrWireMockFixture>
{
    private readonly WeavrWireMockFixture _wire;

    public AccessTokenResponseTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Fact]
    public async Task RequestAccessTokenAsync_UnknownStatusAndCredentialType_KeepsRawText()
    {
        _wire.Given("POST", "/access_token", 200, """
            {"token":"t","identity":{"type":"CONSUMER","id":"1"},"credentials":{"type":"DELEGATE","id":"2"},"status":"STEPPED_UP_TWICE","scopes":["x"]}
            """);
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Consumer, "1"), WeavrEndpointCases.CallOptions())).Value;

        Assert.Equal("STEPPED_UP_TWICE", result.Status!.Value.Value);
        Assert.False(result.Status.Value.IsKnown);
        Assert.NotEqual(AccessTokenStatus.SteppedUp, result.Status);
        Assert.Equal("DELEGATE", result.Credentials!.Type.Value);
        Assert.False(result.Credentials.Type.IsKnown);
    }

    [Theory]
    [InlineData("STEPPED_UP", true)]
    [InlineData("STANDARD", true)]
    [InlineData(null, false)]
    public async Task RequestAccessTokenAsync_KnownOrMissingStatus_Parses(string? status, bool present)
    {
        var statusJson = status is null ? string.Empty : $$""","status":"{{status}}" """;
        _wire.Given("POST", "/access_token", 200, $$"""{"token":"t","identity":{"type":"CORPORATE","id":"1"}{{statusJson}}}""");
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Corporate, "1"), WeavrEndpointCases.CallOptions())).Value;

        Assert.Equal(present, result.Status.HasValue);
        Assert.Equal(present, result.Status?.IsKnown ?? false);
        Assert.Equal(status, result.Status?.Value);
    }

    [Fact]
    public async Task LoginWithPasswordAsync_UnknownTokenType_KeepsRawText()
    {
        _wire.Given("POST", "/login_with_password", 200, """{"token":"t","tokenType":"SESSION","identity":{"type":"CORPORATE","id":"5"}}""");
        using var sut = _wire.CreateClient();

        var result = (await sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password)).Value;

        Assert.Equal(PasswordLoginOutcome.Authenticated, result.Outcome);
        Assert.Equal("SESSION", result.TokenType!.Value.Value);
        Assert.False(result.TokenType.Value.IsKnown);
        Assert.Null(result.Credentials);
    }
}
