using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static AuthClient.Samples.ConsumerTests.UnitTests.SdkResults;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of the app's <see cref="SignInService"/> with a mocked <see cref="IWeavrAuthClient"/>: no server.</summary>
public sealed class SignInServiceTests
{
    private static readonly Secret AuthToken = new("auth-token");
    private static readonly IdentityId Consumer = new(IdentityType.Consumer, "100");
    private static readonly IdentityId Corporate = new(IdentityType.Corporate, "200");
    private readonly IWeavrAuthClient _weavr = Substitute.For<IWeavrAuthClient>();
    private readonly SignInService _signIn;

    public SignInServiceTests() => _signIn = new SignInService(_weavr);

    [Fact]
    public async Task SignInAsync_TwoIdentities_OpensTheSessionOnThePreferredOne()
    {
        _weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!", Arg.Any<CancellationToken>())
            .Returns(Ok(new PasswordLoginResult { Outcome = PasswordLoginOutcome.Authenticated, Token = AuthToken }));
        _weavr.GetIdentitiesAsync(Arg.Any<int?>(), Arg.Any<int?>(), Arg.Is<WeavrCallOptions?>(o => o!.Token == AuthToken), Arg.Any<CancellationToken>())
            .Returns(Ok(new IdentitiesResponse { Identities = [new(Consumer, "Ada"), new(Corporate, "Ada Ltd")] }));
        _weavr.RequestAccessTokenAsync(Corporate, Arg.Is<WeavrCallOptions?>(o => o!.Token == AuthToken), Arg.Any<CancellationToken>())
            .Returns(Ok(new AccessTokenResponse { Token = new Secret("access-token"), Status = AccessTokenStatus.Standard }));

        var result = await _signIn.SignInAsync("ada@example.com", "Passw0rd!", IdentityType.Corporate);

        Assert.Equal(SignInStatus.SignedIn, result.Status);
        Assert.Equal(new UserSession(Corporate, "Ada Ltd", new Secret("access-token"), IsSteppedUp: false), result.Session);
    }

    [Fact]
    public async Task SignInAsync_PasswordExpired_ReturnsTheTemporaryTokenAndAsksForNoIdentity()
    {
        var temporary = new Secret("temporary-token");
        _weavr.LoginWithPasswordAsync(default!, default!).ReturnsForAnyArgs(
            Ok(new PasswordLoginResult { Outcome = PasswordLoginOutcome.PasswordExpired, Token = temporary }));

        var result = await _signIn.SignInAsync("alan@example.com", "0ld-Passw0rd!");

        Assert.Equal((SignInStatus.PasswordChangeRequired, temporary), (result.Status, result.TemporaryToken));
        await _weavr.DidNotReceiveWithAnyArgs().GetIdentitiesAsync();
    }

    [Fact]
    public async Task SignInAsync_WrongPassword_ReturnsInvalidCredentials()
    {
        // Weavr answers a wrong password with a bare 403: the SDK throws WeavrForbiddenException with no error code.
        _weavr.LoginWithPasswordAsync(default!, default!).ThrowsAsyncForAnyArgs(
            new WeavrForbiddenException(WeavrError(HttpStatusCode.Forbidden, path: "/login_with_password")));

        var result = await _signIn.SignInAsync("ada@example.com", "wrong");

        Assert.Equal((SignInStatus.InvalidCredentials, "req-403"), (result.Status, result.SupportRef));
    }

    [Fact]
    public async Task SignInAsync_AccountLocked_ReturnsLockedForThirtyMinutes()
    {
        var locked = new WeavrLockedException(new ApiErrorDetails
        {
            Api = "Weavr",
            Method = "POST",
            Path = "/login_with_password",
            StatusCode = HttpStatusCode.Locked,
            RequestRef = "req-locked",
        });
        _weavr.LoginWithPasswordAsync(default!, default!).ThrowsAsyncForAnyArgs(locked);

        var result = await _signIn.SignInAsync("ada@example.com", "Passw0rd!");

        Assert.Equal((SignInStatus.Locked, TimeSpan.FromMinutes(30), "req-locked"), (result.Status, result.RetryAfter, result.SupportRef));
    }

    [Fact]
    public async Task SignInAsync_NoIdentity_ReturnsNoIdentityWithoutRequestingAnAccessToken()
    {
        _weavr.LoginWithPasswordAsync(default!, default!).ReturnsForAnyArgs(
            Ok(new PasswordLoginResult { Outcome = PasswordLoginOutcome.Authenticated, Token = AuthToken }));
        _weavr.GetIdentitiesAsync().ReturnsForAnyArgs(Ok(new IdentitiesResponse()));

        var result = await _signIn.SignInAsync("ada@example.com", "Passw0rd!");

        Assert.Equal(SignInStatus.NoIdentity, result.Status);
        await _weavr.DidNotReceiveWithAnyArgs().RequestAccessTokenAsync(default!);
    }

    [Fact]
    public async Task ChangeExpiredPasswordAsync_TooSimple_ReturnsPasswordRejectedWithWeavrsReason()
    {
        var temporary = new Secret("temporary-token");
        _weavr.UpdatePasswordAsync("0ld-Passw0rd!", "password", Arg.Is<WeavrCallOptions?>(o => o!.Token == temporary), Arg.Any<CancellationToken>())
            .ThrowsAsync(new WeavrConflictException(WeavrError(HttpStatusCode.Conflict, WeavrErrorCodes.PasswordTooSimple, "/passwords/update")));

        var result = await _signIn.ChangeExpiredPasswordAsync(temporary, "0ld-Passw0rd!", "password");

        Assert.Equal((SignInStatus.PasswordRejected, WeavrErrorCodes.PasswordTooSimple), (result.Status, result.Reason));
    }

    [Fact]
    public async Task ChangeExpiredPasswordAsync_Accepted_SignsInWithTheNewToken()
    {
        var fresh = new Secret("fresh-auth-token");
        _weavr.UpdatePasswordAsync(default!, default!).ReturnsForAnyArgs(Ok(new PasswordUpdateResponse { Token = fresh }));
        _weavr.GetIdentitiesAsync(Arg.Any<int?>(), Arg.Any<int?>(), Arg.Is<WeavrCallOptions?>(o => o!.Token == fresh), Arg.Any<CancellationToken>())
            .Returns(Ok(new IdentitiesResponse { Identities = [new(Consumer, "Alan")] }));
        _weavr.RequestAccessTokenAsync(Consumer, Arg.Is<WeavrCallOptions?>(o => o!.Token == fresh), Arg.Any<CancellationToken>())
            .Returns(Ok(new AccessTokenResponse { Token = new Secret("access-token") }));

        var result = await _signIn.ChangeExpiredPasswordAsync(new Secret("temporary-token"), "0ld-Passw0rd!", "N3w-Passw0rd!");

        Assert.Equal((SignInStatus.SignedIn, Consumer), (result.Status, result.Session?.Identity));
    }
}
