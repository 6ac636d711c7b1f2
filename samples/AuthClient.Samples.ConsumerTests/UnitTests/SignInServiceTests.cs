using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing.Fakes;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of the app's <see cref="SignInService"/> with a <see cref="FakeWeavrAuthClient"/>: no server, no mocking library.</summary>
public sealed class SignInServiceTests
{
    private static readonly Secret AuthToken = new("auth-token");
    private static readonly IdentityId Consumer = new(IdentityType.Consumer, "100");
    private static readonly IdentityId Corporate = new(IdentityType.Corporate, "200");
    private readonly FakeWeavrAuthClient _weavr = new();
    private readonly SignInService _signIn;

    public SignInServiceTests() => _signIn = new SignInService(_weavr);

    [Fact]
    public async Task SignInAsync_TwoIdentities_OpensTheSessionOnThePreferredOne()
    {
        _weavr.OnLoginWithPassword = (_, _) => WeavrResults.Login("auth-token");
        _weavr.OnGetIdentities = (_, _, _) => WeavrResults.Identities(new(Consumer, "Ada"), new(Corporate, "Ada Ltd"));
        _weavr.OnRequestAccessToken = (identity, _) => WeavrResults.AccessToken(identity, token: "access-token");

        var result = await _signIn.SignInAsync("ada@example.com", "Passw0rd!", IdentityType.Corporate);

        Assert.Equal(SignInStatus.SignedIn, result.Status);
        Assert.Equal(new UserSession(Corporate, "Ada Ltd", new Secret("access-token"), IsSteppedUp: false), result.Session);
        Assert.Equal(
            [
                new WeavrCall(WeavrOperation.LoginWithPassword) { Email = "ada@example.com", Password = new Secret("Passw0rd!") },
                new WeavrCall(WeavrOperation.GetIdentities) { Token = AuthToken },
                new WeavrCall(WeavrOperation.RequestAccessToken) { Identity = Corporate, Token = AuthToken },
            ],
            _weavr.Calls);
    }

    [Fact]
    public async Task SignInAsync_PasswordExpired_ReturnsTheTemporaryTokenAndAsksForNoIdentity()
    {
        _weavr.OnLoginWithPassword = (_, _) => WeavrResults.PasswordExpired("temporary-token");

        var result = await _signIn.SignInAsync("alan@example.com", "0ld-Passw0rd!");

        Assert.Equal((SignInStatus.PasswordChangeRequired, new Secret("temporary-token")), (result.Status, result.TemporaryToken));
        Assert.Equal(WeavrOperation.LoginWithPassword, Assert.Single(_weavr.Calls).Operation);
    }

    [Fact]
    public async Task SignInAsync_WrongPassword_ReturnsInvalidCredentials()
    {
        // Weavr answers a wrong password with a bare 403: the SDK throws WeavrForbiddenException with no error code.
        _weavr.OnLoginWithPassword = (_, _) => throw WeavrErrors.InvalidCredentials("req-403");

        var result = await _signIn.SignInAsync("ada@example.com", "wrong");

        Assert.Equal((SignInStatus.InvalidCredentials, "req-403"), (result.Status, result.SupportRef));
    }

    [Fact]
    public async Task SignInAsync_AccountLocked_ReturnsLockedForThirtyMinutes()
    {
        _weavr.OnLoginWithPassword = (_, _) => throw WeavrErrors.Locked("req-locked");

        var result = await _signIn.SignInAsync("ada@example.com", "Passw0rd!");

        Assert.Equal((SignInStatus.Locked, TimeSpan.FromMinutes(30), "req-locked"), (result.Status, result.RetryAfter, result.SupportRef));
    }

    [Fact]
    public async Task SignInAsync_NoIdentity_ReturnsNoIdentityWithoutRequestingAnAccessToken()
    {
        _weavr.OnLoginWithPassword = (_, _) => WeavrResults.Login();
        _weavr.OnGetIdentities = (_, _, _) => WeavrResults.Identities();

        var result = await _signIn.SignInAsync("ada@example.com", "Passw0rd!");

        Assert.Equal(SignInStatus.NoIdentity, result.Status);
        Assert.Empty(_weavr.CallsTo(WeavrOperation.RequestAccessToken));
    }

    [Fact]
    public async Task ChangeExpiredPasswordAsync_TooSimple_ReturnsPasswordRejectedWithWeavrsReason()
    {
        var temporary = new Secret("temporary-token");
        _weavr.OnUpdatePassword = (_, _, _) => throw WeavrErrors.Conflict(WeavrErrorCodes.PasswordTooSimple, WeavrOperation.UpdatePassword);

        var result = await _signIn.ChangeExpiredPasswordAsync(temporary, "0ld-Passw0rd!", "password");

        Assert.Equal((SignInStatus.PasswordRejected, WeavrErrorCodes.PasswordTooSimple), (result.Status, result.Reason));
        Assert.Equal(
            new WeavrCall(WeavrOperation.UpdatePassword) { OldPassword = new Secret("0ld-Passw0rd!"), NewPassword = new Secret("password"), Token = temporary },
            Assert.Single(_weavr.Calls));
    }

    [Fact]
    public async Task ChangeExpiredPasswordAsync_Accepted_SignsInWithTheNewToken()
    {
        var fresh = new Secret("fresh-auth-token");
        _weavr.OnUpdatePassword = (_, _, _) => WeavrResults.PasswordUpdated("fresh-auth-token");
        _weavr.OnGetIdentities = (_, _, _) => WeavrResults.Identities(new UserIdentity(Consumer, "Alan"));
        _weavr.OnRequestAccessToken = (identity, _) => WeavrResults.AccessToken(identity);

        var result = await _signIn.ChangeExpiredPasswordAsync(new Secret("temporary-token"), "0ld-Passw0rd!", "N3w-Passw0rd!");

        Assert.Equal((SignInStatus.SignedIn, Consumer), (result.Status, result.Session?.Identity));
        Assert.Equal([fresh, fresh], _weavr.Calls.Skip(1).Select(c => c.Token));
    }
}
