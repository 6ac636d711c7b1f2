using System.Net;
using AuthClient.Primitives;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests.Fakes;

public sealed class WeavrResultsTests
{
    private static readonly IdentityId Consumer = new(IdentityType.Consumer, "100");

    [Fact]
    public void Ok_Defaults_Is200WithTheStatusAsRequestRef()
    {
        var response = WeavrResults.Ok(new PushChallenge("ch-1"));

        Assert.Equal((new PushChallenge("ch-1"), HttpStatusCode.OK, "req-200", null), (response.Value, response.StatusCode, response.RequestRef, response.IdempotencyRef));
        Assert.Equal(("req-x", "idem-1"), (WeavrResults.Ok(1, "req-x", "idem-1").RequestRef, WeavrResults.Ok(1, "req-x", "idem-1").IdempotencyRef));
    }

    [Fact]
    public void NoContent_Is204()
    {
        var response = WeavrResults.NoContent(idempotencyRef: "idem-1");

        Assert.Equal((HttpStatusCode.NoContent, "req-204", "idem-1"), (response.StatusCode, response.RequestRef, response.IdempotencyRef));
    }

    [Fact]
    public void Login_IsAnAuthenticatedAuthTokenThatNeverPrintsItself()
    {
        var response = WeavrResults.Login("s3cret-auth-token", Consumer);

        Assert.Equal(
            (PasswordLoginOutcome.Authenticated, new Secret("s3cret-auth-token"), TokenType.Auth, Consumer),
            (response.Value.Outcome, response.Value.Token, response.Value.TokenType, response.Value.Identity));
        Assert.Equal(new Secret(WeavrResults.DefaultAuthToken), WeavrResults.Login().Value.Token);
        Assert.DoesNotContain("s3cret", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordExpired_IsTheExpiredOutcomeWithTheTemporaryTokenOnA409()
    {
        var response = WeavrResults.PasswordExpired("temporary-token");

        Assert.Equal(
            (PasswordLoginOutcome.PasswordExpired, new Secret("temporary-token"), HttpStatusCode.Conflict),
            (response.Value.Outcome, response.Value.Token, response.StatusCode));
        Assert.DoesNotContain("temporary-token", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Identities_CountsThem()
    {
        var ada = new UserIdentity(Consumer, "Ada");

        var response = WeavrResults.Identities(ada);

        Assert.Equal([ada], response.Value.Identities);
        Assert.Equal((1, 1), (response.Value.Count, response.Value.ResponseCount));
        Assert.Empty(WeavrResults.Identities().Value.Identities);
    }

    [Fact]
    public void AccessToken_DefaultsToAStandardToken()
    {
        var standard = WeavrResults.AccessToken(Consumer).Value;
        var steppedUp = WeavrResults.AccessToken(Consumer, AccessTokenStatus.SteppedUp, "access-token").Value;

        Assert.Equal((new Secret(WeavrResults.DefaultAccessToken), Consumer, AccessTokenStatus.Standard), (standard.Token, standard.Identity, standard.Status));
        Assert.Equal((new Secret("access-token"), AccessTokenStatus.SteppedUp), (steppedUp.Token, steppedUp.Status));
    }

    [Fact]
    public void Factor_InfersTheTypeFromTheChannel()
    {
        var factors = WeavrResults.Factors(
            WeavrResults.Factor(ScaChannel.Sms),
            WeavrResults.Factor(ScaChannel.Authy, ScaFactorStatus.PendingVerification),
            WeavrResults.Factor(ScaChannel.Biometric)).Value.Factors;

        Assert.Equal(
            [
                new ScaFactor { Channel = ScaChannel.Sms, Type = ScaChallengeType.Otp, Status = ScaFactorStatus.Active },
                new ScaFactor { Channel = ScaChannel.Authy, Type = ScaChallengeType.Push, Status = ScaFactorStatus.PendingVerification },
                new ScaFactor { Channel = ScaChannel.Biometric, Type = ScaChallengeType.Biometric, Status = ScaFactorStatus.Active },
            ],
            factors);
        Assert.Null(WeavrResults.Factor(new ScaChannel("EMAIL")).Type);
    }

    [Fact]
    public void LogoutPushChallengeAndPasswordUpdated_CarryTheirValues()
    {
        Assert.Equal((HttpStatusCode.NoContent, null), (WeavrResults.Logout().StatusCode, WeavrResults.Logout().Value));
        Assert.Equal((HttpStatusCode.OK, new LogoutResponse("https://idp/logout")), (WeavrResults.Logout("https://idp/logout").StatusCode, WeavrResults.Logout("https://idp/logout").Value));
        Assert.Equal("ch-1", WeavrResults.PushChallenge("ch-1").Value.Id);
        Assert.Equal(new Secret("fresh"), WeavrResults.PasswordUpdated("fresh").Value.Token);
    }

    [Fact]
    public async Task LoginPasswordExpiredAccessTokenAndLogout_MatchWhatTheSdkReturnsForTheSandboxsAnswers()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());

        var login = await h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);
        var expired = await h.Client.LoginWithPasswordAsync(TestUsers.Expired, SandboxUser.DefaultPassword);
        var auth = WeavrCallOptions.WithToken(login.Value.Token);
        var identity = (await h.Client.GetIdentitiesAsync(options: auth)).Value.Identities[0].Id;
        var access = await h.Client.RequestAccessTokenAsync(identity, auth);
        var logout = await h.Client.LogoutAsync(WeavrCallOptions.WithToken(access.Value.Token));

        var fakeLogin = WeavrResults.Login();
        var fakeExpired = WeavrResults.PasswordExpired("temporary");
        Assert.Equal((login.StatusCode, login.Value.Outcome, login.Value.TokenType), (fakeLogin.StatusCode, fakeLogin.Value.Outcome, fakeLogin.Value.TokenType));
        Assert.Equal((expired.StatusCode, expired.Value.Outcome), (fakeExpired.StatusCode, fakeExpired.Value.Outcome));
        Assert.Equal((access.StatusCode, access.Value.Status), (WeavrResults.AccessToken(identity).StatusCode, WeavrResults.AccessToken(identity).Value.Status));
        Assert.Equal((logout.StatusCode, logout.Value), (WeavrResults.Logout().StatusCode, WeavrResults.Logout().Value));
    }
}
