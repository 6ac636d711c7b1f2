using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Tests.Weavr;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Tests.Errors;

/// <summary>The login 409 <c>{ token }</c> (password expired): a typed outcome on the client, a typed exception on the raw API, never a leaked token.</summary>
public sealed class WeavrPasswordExpiredExceptionTests : IClassFixture<WeavrWireMockFixture>
{
    private const string TemporaryToken = "temp-token-only-for-passwords-update-8e2";
    private const string RequestRef = "rr-409-77";
    private readonly WeavrWireMockFixture _wire;

    public WeavrPasswordExpiredExceptionTests(WeavrWireMockFixture wire)
    {
        _wire = wire;
        _wire.Reset();
        _wire.Given("POST", "/login_with_password", 409, $$"""{"token":"{{TemporaryToken}}"}""", ("request-ref", RequestRef));
    }

    [Fact]
    public async Task LoginWithPasswordAsync_409WithToken_ReturnsPasswordExpiredOutcomeWithTemporaryToken()
    {
        using var sut = _wire.CreateClient();

        var result = await sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password);

        Assert.Equal(PasswordLoginOutcome.PasswordExpired, result.Value.Outcome);
        Assert.Equal(TemporaryToken, result.Value.Token.Reveal());
        Assert.Null(result.Value.TokenType);
        Assert.Null(result.Value.Identity);
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Equal(RequestRef, result.RequestRef);
        Assert.Null(result.IdempotencyRef);
        Assert.DoesNotContain(TemporaryToken, result.ToString(), StringComparison.Ordinal);
        _wire.SingleRequest();
    }

    [Fact]
    public async Task RawLoginWithPasswordAsync_409WithToken_ThrowsPasswordExpiredWithoutExposingTheToken()
    {
        using var sut = _wire.CreateClient();
        var request = new LoginWithPasswordRequest(WeavrEndpointCases.Email, new SensitivePassword(new Secret(WeavrEndpointCases.Password)));

        var ex = await Assert.ThrowsAsync<WeavrPasswordExpiredException>(() => sut.Api.LoginWithPasswordAsync(request));

        Assert.Equal(TemporaryToken, ex.TemporaryToken.Reveal());
        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal(RequestRef, ex.RequestRef);
        Assert.Null(ex.ErrorCode);
        Assert.DoesNotContain(TemporaryToken, ex.Details.ResponseBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(TemporaryToken, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TemporaryToken, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TemporaryToken, ex.Details.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WeavrEndpointCases.Password, ex.ToString(), StringComparison.Ordinal);
        Assert.IsAssignableFrom<WeavrConflictException>(ex);
    }

    [Fact]
    public async Task UpdatePasswordAsync_WithTemporaryToken_SendsItAsBearer()
    {
        // The documented recovery: the temporary token is used solely for /passwords/update.
        _wire.Given("POST", "/passwords/update", 200, """{"passwordInfo":{"identityId":{"type":"CONSUMER","id":"1"},"expiryDate":0},"token":"fresh"}""");
        using var sut = _wire.CreateClient();

        var login = await sut.Weavr.LoginWithPasswordAsync(WeavrEndpointCases.Email, WeavrEndpointCases.Password);
        var update = await sut.Weavr.UpdatePasswordAsync(
            WeavrEndpointCases.OldPassword, WeavrEndpointCases.NewPassword, WeavrCallOptions.WithToken(login.Value.Token));

        var sent = _wire.Requests();
        Assert.Equal(2, sent.Count);
        Assert.Equal($"Bearer {TemporaryToken}", sent[1].Header("Authorization"));
        Assert.Equal("fresh", update.Value.Token.Reveal());
        Assert.Equal(0L, update.Value.PasswordInfo?.ExpiryDate);
    }
}
