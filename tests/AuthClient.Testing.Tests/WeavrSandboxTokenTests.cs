using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests;

public sealed class WeavrSandboxTokenTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b
        .WithTestUsers()
        .WithUser(u => u.Email("multi@example.com")
            .Identity(IdentityType.Consumer, "Multi Consumer", "501")
            .Identity(IdentityType.Corporate, "Multi Ltd", "502")
            .Identity(IdentityType.Corporate, "Multi Holdings", "503")));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RequestAccessToken_OwnIdentity_ReturnsStandardAccessToken()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Sms);
        var auth = await LoginAsync(TestUsers.Sms);

        var access = await _h.Client.RequestAccessTokenAsync(user.Identity, WeavrCallOptions.WithToken(auth));

        Assert.Equal(AccessTokenStatus.Standard, access.Value.Status);
        Assert.Equal(user.Identity, access.Value.Identity);
        Assert.Equal(user.Credential, access.Value.Credentials);
        Assert.NotEqual(auth, access.Value.Token);
    }

    [Fact]
    public async Task RequestAccessToken_SecondIdentityOfTheUser_IsIssuedForThatIdentity()
    {
        var auth = await LoginAsync("multi@example.com");

        var access = await _h.Client.RequestAccessTokenAsync(new IdentityId(IdentityType.Corporate, "503"), WeavrCallOptions.WithToken(auth));

        Assert.Equal(new IdentityId(IdentityType.Corporate, "503"), access.Value.Identity);
    }

    [Fact]
    public async Task RequestAccessToken_IdentityOfAnotherUser_Answers404()
    {
        var auth = await LoginAsync(TestUsers.Sms);
        var other = _h.Sandbox.GetUser(TestUsers.Plain).Identity;

        await Assert.ThrowsAsync<WeavrNotFoundException>(() => _h.Client.RequestAccessTokenAsync(other, WeavrCallOptions.WithToken(auth)));
    }

    [Fact]
    public async Task RequestAccessToken_RightIdWrongType_Answers401()
    {
        var auth = await LoginAsync("multi@example.com");

        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() =>
            _h.Client.RequestAccessTokenAsync(new IdentityId(IdentityType.Corporate, "501"), WeavrCallOptions.WithToken(auth)));
    }

    [Fact]
    public async Task RequestAccessToken_WithoutIdentity_Answers400NamingTheField()
    {
        var auth = await _h.Raw.AuthTokenAsync(TestUsers.Sms);

        var raw = await _h.Raw.PostAsync("/multi/access_token", "{}", auth);

        Assert.Equal(400, raw.Status);
        Assert.Equal("""{"message":"Bad Request","syntaxErrors":{"invalidFields":[{"fieldName":"identity","error":"REQUIRED"}]}}""", raw.Body);
    }

    [Fact]
    public async Task AuthToken_OutsideIdentitiesAndAccessToken_Answers403AccessTokenRequired()
    {
        var auth = WeavrCallOptions.WithToken(await LoginAsync(TestUsers.Sms));

        var factors = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.GetAuthenticationFactorsAsync(auth));
        var stepUp = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.StartOtpStepUpAsync(ScaChannel.Sms, auth));

        Assert.True(factors.IsAccessTokenRequired);
        Assert.True(stepUp.IsAccessTokenRequired);
        var identities = await _h.Client.GetIdentitiesAsync(options: auth); // An AUTH token is fine here.
        Assert.Equal(1, identities.Value.Count);
    }

    [Fact]
    public async Task GetIdentities_WithOffsetAndLimit_ReturnsTheDocumentedWrapper()
    {
        var auth = await _h.Raw.AuthTokenAsync("multi@example.com");

        var raw = await _h.Raw.GetAsync("/multi/identities?offset=1&limit=1", auth);

        Assert.Equal(200, raw.Status);
        Assert.Equal("""{"identities":[{"id":{"type":"CORPORATE","id":"502"},"name":"Multi Ltd"}],"count":3,"responseCount":1}""", raw.Body);
        var all = await _h.Client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(new Secret(auth)));
        Assert.Equal(3, all.Value.Count);
        Assert.Equal(["501", "502", "503"], all.Value.Identities.Select(i => i.Id.Id));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task GetIdentities_OutOfRangePaging_Answers400(string query, string field)
    {
        var auth = await _h.Raw.AuthTokenAsync(TestUsers.Sms);

        var raw = await _h.Raw.GetAsync("/multi/identities?" + query, auth);

        Assert.Equal(400, raw.Status);
        Assert.Equal(field, raw.Json.GetProperty("syntaxErrors").GetProperty("invalidFields")[0].GetProperty("fieldName").GetString());
    }

    [Fact]
    public async Task Token_UsedWithinFiveMinutes_SlidesAndStaysValid()
    {
        var access = WeavrCallOptions.WithToken(await AccessTokenAsync(TestUsers.Sms));

        for (var i = 0; i < 3; i++)
        {
            _h.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
            await _h.Client.GetAuthenticationFactorsAsync(access);
        }
    }

    [Fact]
    public async Task Token_IdleForFiveMinutes_Answers401()
    {
        var access = WeavrCallOptions.WithToken(await AccessTokenAsync(TestUsers.Sms));

        _h.Time.Advance(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.GetAuthenticationFactorsAsync(access));
    }

    [Fact]
    public async Task Token_ConfiguredIdleTimeout_IsHonoured()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.TokenIdleTimeout = TimeSpan.FromSeconds(30)));
        var access = await h.Raw.AccessTokenAsync(TestUsers.Sms);

        h.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(200, (await h.Raw.GetAsync("/multi/authentication_factors", access)).Status);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(401, (await h.Raw.GetAsync("/multi/authentication_factors", access)).Status);
    }

    [Fact]
    public async Task Logout_Answers204_AndTheLoginsTokensAreRefusedAfterwards()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Sms);
        var auth = await LoginAsync(TestUsers.Sms);
        var access = (await _h.Client.RequestAccessTokenAsync(user.Identity, WeavrCallOptions.WithToken(auth))).Value.Token;
        var otherLogin = await AccessTokenAsync(TestUsers.Sms);

        var logout = await _h.Client.LogoutAsync(WeavrCallOptions.WithToken(access));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Null(logout.Value);
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.GetAuthenticationFactorsAsync(WeavrCallOptions.WithToken(access)));
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(auth)));
        await _h.Client.GetAuthenticationFactorsAsync(WeavrCallOptions.WithToken(otherLogin)); // Another login is untouched.
    }

    [Fact]
    public async Task Logout_WithAnAuthToken_Answers403AccessTokenRequired()
    {
        var auth = await LoginAsync(TestUsers.Sms);

        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LogoutAsync(WeavrCallOptions.WithToken(auth)));

        Assert.True(ex.IsAccessTokenRequired);
    }

    [Fact]
    public async Task SecuredCall_WithoutOrWithUnknownBearer_Answers401WithoutBody()
    {
        var none = await _h.Raw.GetAsync("/multi/authentication_factors");
        var unknown = await _h.Raw.GetAsync("/multi/authentication_factors", "not-a-token");

        Assert.Equal((401, ""), (none.Status, none.Body));
        Assert.Equal((401, ""), (unknown.Status, unknown.Body));
    }

    private async Task<Secret> LoginAsync(string email) =>
        (await _h.Client.LoginWithPasswordAsync(email, SandboxUser.DefaultPassword)).Value.Token;

    private async Task<Secret> AccessTokenAsync(string email)
    {
        var auth = await LoginAsync(email);
        return (await _h.Client.RequestAccessTokenAsync(_h.Sandbox.GetUser(email).Identity, WeavrCallOptions.WithToken(auth))).Value.Token;
    }
}
