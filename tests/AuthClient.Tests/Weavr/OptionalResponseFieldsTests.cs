using System.Net;
using AuthClient.Errors;
using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Weavr;

/// <summary>
/// Fields the spec leaves optional but the SDK cannot go on without: a success answer missing one is a typed invalid
/// response, never a raw null dereference; a password change that succeeded is never reported as a failed one.
/// </summary>
public sealed class OptionalResponseFieldsTests : IClassFixture<WeavrWireMockFixture>
{
    private readonly WeavrWireMockFixture _wire;

    public OptionalResponseFieldsTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"challengeId":""}""")]
    [InlineData("""{"challengeId":null}""")]
    public async Task LoginViaBiometricsAsync_NoChallengeId_IsTypedInvalidResponse(string body)
    {
        _wire.Given("POST", "/login_via_biometrics", 200, body, ("request-ref", "rr-bio"));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClientInvalidResponseException>(() => sut.Weavr.LoginViaBiometricsAsync("ada@example.com"));

        Assert.Contains("challengeId", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("rr-bio", ex.RequestRef);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id":""}""")]
    public async Task StartPushStepUpAsync_NoChallengeId_IsTypedInvalidResponse(string body)
    {
        _wire.Given("POST", "/stepup/challenges/push/AUTHY", 200, body);
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClientInvalidResponseException>(
            () => sut.Weavr.StartPushStepUpAsync(ScaChannel.Authy, WeavrEndpointCases.CallOptions()));

        Assert.Contains("id", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"identity":{"type":"CONSUMER","id":"1"},"status":"STANDARD"}""")]
    [InlineData("""{"token":"","identity":{"type":"CONSUMER","id":"1"}}""")]
    [InlineData("""{"token":null}""")]
    public async Task RequestAccessTokenAsync_NoToken_IsTypedInvalidResponse(string body)
    {
        _wire.Given("POST", "/access_token", 200, body);
        using var sut = _wire.CreateClient();

        await Assert.ThrowsAsync<AuthClientInvalidResponseException>(
            () => sut.Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Consumer, "1"), WeavrEndpointCases.CallOptions()));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"token":""}""")]
    public async Task LoginWithPasswordAsync_NoToken_IsTypedInvalidResponse(string body)
    {
        _wire.Given("POST", "/login_with_password", 200, body);
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<AuthClientInvalidResponseException>(
            () => sut.Weavr.LoginWithPasswordAsync("ada@example.com", WeavrEndpointCases.Password));

        Assert.DoesNotContain(WeavrEndpointCases.Password, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"passwordInfo":{"identityId":{"type":"CONSUMER","id":"11"},"expiryDate":0}}""")]
    [InlineData("""{"token":""}""")]
    [InlineData("""{"token":null}""")]
    [InlineData("{}")]
    [InlineData("<html>gateway</html>")]
    public async Task UpdatePasswordAsync_SuccessWithoutToken_SaysThePasswordChangedAndToSignInAgain(string body)
    {
        _wire.Given("POST", "/passwords/update", 200, body, ("request-ref", "rr-pw"));
        using var sut = _wire.CreateClient();

        var ex = await Assert.ThrowsAsync<WeavrPasswordChangedException>(
            () => sut.Weavr.UpdatePasswordAsync(WeavrEndpointCases.OldPassword, WeavrEndpointCases.NewPassword, WeavrEndpointCases.CallOptions()));

        Assert.Contains("password was changed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sign in again with the new password", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("rr-pw", ex.RequestRef);
        Assert.DoesNotContain(WeavrEndpointCases.OldPassword, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WeavrEndpointCases.NewPassword, ex.ToString(), StringComparison.Ordinal);
    }
}
