using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests;

/// <summary>
/// <c>/access_token</c> without an AUTH token, over the wire: a one-time token works once, for its identity, within
/// <see cref="SandboxRules.OneTimeTokenLifetime"/> on the sandbox's clock; a registered client assertion works for its
/// identity only; a deactivated user gets nothing.
/// </summary>
public sealed class WeavrSandboxDelegatedAccessTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b
        .WithTestUsers()
        .WithUser(u => u.Email("multi@example.com").Identity(IdentityType.Consumer, "Home").Identity(IdentityType.Corporate, "Work")));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private IdentityId SmsIdentity => _h.Sandbox.GetUser(TestUsers.Sms).Identities[0].Id;

    [Fact]
    public async Task OneTimeToken_ExchangedOnce_AnswersAWorkingAccessTokenThen401()
    {
        var oneTime = _h.Sandbox.IssueOneTimeToken(TestUsers.Sms);

        var access = await _h.Client.ExchangeOneTimeTokenAsync(SmsIdentity, oneTime);
        var again = await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.ExchangeOneTimeTokenAsync(SmsIdentity, oneTime));

        Assert.Equal((SmsIdentity, AccessTokenStatus.Standard), (access.Value.Identity, access.Value.Status));
        await _h.Client.GetAuthenticationFactorsAsync(WeavrCallOptions.WithToken(access.Value.Token));
        Assert.DoesNotContain(oneTime.Reveal(), again.ToString(), StringComparison.Ordinal);
        Assert.All(_h.Sandbox.RequestLog.Where(e => e.Path == "/multi/access_token"), e => Assert.Null(e.Header("Authorization")));
    }

    [Fact]
    public async Task OneTimeToken_UntilItsLifetime_ThenRefused()
    {
        var lifetime = new SandboxRules().OneTimeTokenLifetime;
        var early = _h.Sandbox.IssueOneTimeToken(TestUsers.Sms);
        var late = _h.Sandbox.IssueOneTimeToken(TestUsers.Sms);

        _h.Time.Advance(lifetime - TimeSpan.FromMilliseconds(1));
        await _h.Client.ExchangeOneTimeTokenAsync(SmsIdentity, early);
        _h.Time.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.ExchangeOneTimeTokenAsync(SmsIdentity, late));
        Assert.Equal(TimeSpan.FromMinutes(2), lifetime);
    }

    [Fact]
    public async Task OneTimeToken_ForAnotherIdentityOrUnknown_401AndNotSpent()
    {
        var user = _h.Sandbox.GetUser("multi@example.com");
        var work = user.Identities[1].Id;
        var oneTime = _h.Sandbox.IssueOneTimeToken(user.Email, work);

        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.ExchangeOneTimeTokenAsync(user.Identities[0].Id, oneTime));
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.ExchangeOneTimeTokenAsync(work, new Secret("not-issued")));

        Assert.Equal(work, (await _h.Client.ExchangeOneTimeTokenAsync(work, oneTime)).Value.Identity);
    }

    [Fact]
    public async Task ClientAssertion_Registered_WorksRepeatedlyForItsIdentityOnly()
    {
        var assertion = _h.Sandbox.RegisterClientAssertion(TestUsers.Sms);

        var first = await _h.Client.RequestDelegatedAccessTokenAsync(SmsIdentity, assertion);
        var second = await _h.Client.RequestDelegatedAccessTokenAsync(SmsIdentity, assertion);

        Assert.NotEqual(first.Value.Token, second.Value.Token);
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.RequestDelegatedAccessTokenAsync(SmsIdentity, new Secret("forged-assertion")));
        var other = _h.Sandbox.GetUser(TestUsers.Plain).Identities[0].Id;
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.RequestDelegatedAccessTokenAsync(other, assertion));
    }

    [Fact]
    public async Task BothAssertionAndToken_InOneBody_Answers400()
    {
        var response = await _h.Raw.PostAsync("/multi/access_token", """{"identity":{"type":"CONSUMER","id":"1"},"clientAssertion":"a","token":"b"}""");

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task DeactivatedUser_TokensLoginsOneTimeTokensAndAssertionsAreRefused()
    {
        var login = await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);
        var oneTime = _h.Sandbox.IssueOneTimeToken(TestUsers.Sms);
        var assertion = _h.Sandbox.RegisterClientAssertion(TestUsers.Sms);

        var delivery = await _h.Sandbox.DeactivateUserAsync(TestUsers.Sms, "ACCOUNT_REVIEW");

        Assert.Equal("/auth/users/user_deactivated/watch", delivery.Path);
        Assert.Contains("\"emailAddress\":\"ada@example.com\"", delivery.Body, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(login.Value.Token)));
        await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.ExchangeOneTimeTokenAsync(SmsIdentity, oneTime));
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.RequestDelegatedAccessTokenAsync(SmsIdentity, assertion));
        await _h.Client.LoginWithPasswordAsync(TestUsers.Plain, SandboxUser.DefaultPassword);
    }
}
