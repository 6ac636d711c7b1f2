using System.Net;
using AuthClient.Errors;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests;

public sealed class WeavrSandboxLoginTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b.WithTestUsers());

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task LoginWithPassword_CorrectCredentials_ReturnsAuthTokenForTheFirstIdentity()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Sms);

        var login = await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);

        Assert.Equal(PasswordLoginOutcome.Authenticated, login.Value.Outcome);
        Assert.Equal(TokenType.Auth, login.Value.TokenType);
        Assert.Equal(user.Identity, login.Value.Identity);
        Assert.Equal(user.Credential, login.Value.Credentials);
        Assert.False(login.Value.Token.IsEmpty);
        Assert.False(string.IsNullOrEmpty(login.RequestRef));
    }

    [Fact]
    public async Task LoginWithPassword_WrongPassword_Answers403WithoutBody()
    {
        var raw = await _h.Raw.LoginAsync(TestUsers.Sms, "Wrong-Passw0rd");
        Assert.Equal(403, raw.Status);
        Assert.Equal(string.Empty, raw.Body);

        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, "Wrong-Passw0rd"));
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task LoginWithPassword_UnknownEmail_Answers403()
    {
        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginWithPasswordAsync("nobody@example.com", SandboxUser.DefaultPassword));
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Fact]
    public async Task LoginWithPassword_FiveConsecutiveFailures_LocksTheAccountFor30Minutes()
    {
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, "Wrong-Passw0rd"));
        }

        // Locked: even the right password answers 423, for 30 minutes of sandbox time.
        await Assert.ThrowsAsync<WeavrLockedException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));
        Assert.Equal(SandboxHarness.Start.AddMinutes(30), _h.Sandbox.GetUser(TestUsers.Sms).LockedUntil);
        _h.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var raw = await _h.Raw.LoginAsync(TestUsers.Sms);
        Assert.Equal(423, raw.Status);
        Assert.Equal(string.Empty, raw.Body);

        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var login = await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);
        Assert.Equal(PasswordLoginOutcome.Authenticated, login.Value.Outcome);
        Assert.Null(_h.Sandbox.GetUser(TestUsers.Sms).LockedUntil);
    }

    [Fact]
    public async Task LoginWithPassword_SuccessInBetween_ResetsTheFailureCount()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(403, (await _h.Raw.LoginAsync(TestUsers.Sms, "Wrong-Passw0rd")).Status);
        }

        Assert.Equal(200, (await _h.Raw.LoginAsync(TestUsers.Sms)).Status);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(403, (await _h.Raw.LoginAsync(TestUsers.Sms, "Wrong-Passw0rd")).Status);
        }

        Assert.Equal(200, (await _h.Raw.LoginAsync(TestUsers.Sms)).Status);
    }

    [Fact]
    public async Task LoginWithPassword_ConfiguredAttemptLimit_LocksSooner()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.LoginAttemptLimit = 2));

        Assert.Equal(403, (await h.Raw.LoginAsync(TestUsers.Sms, "Wrong-Passw0rd")).Status);
        Assert.Equal(403, (await h.Raw.LoginAsync(TestUsers.Sms, "Wrong-Passw0rd")).Status);
        Assert.Equal(423, (await h.Raw.LoginAsync(TestUsers.Sms)).Status);
    }

    [Fact]
    public async Task LoginWithPassword_MissingEmail_Answers400InTheObservedShape()
    {
        var raw = await _h.Raw.PostAsync("/multi/login_with_password", """{"password":{"value":"x"}}""");

        Assert.Equal(400, raw.Status);
        Assert.Equal("""{"_embedded":{"errors":[{"message":"request.email: must not be blank"}]}}""", raw.Body);
    }

    [Fact]
    public async Task LoginWithPassword_ExpiredPassword_Answers409WithATemporaryToken()
    {
        var raw = await _h.Raw.LoginAsync(TestUsers.Expired);
        Assert.Equal(409, raw.Status);
        Assert.False(string.IsNullOrEmpty(raw.Get("token")));
        Assert.Single(raw.Json.EnumerateObject());

        var login = await _h.Client.LoginWithPasswordAsync(TestUsers.Expired, SandboxUser.DefaultPassword);
        Assert.Equal(PasswordLoginOutcome.PasswordExpired, login.Value.Outcome);
    }

    [Fact]
    public async Task LoginWithPassword_ExpiredPasswordButWrong_Answers403()
    {
        Assert.Equal(403, (await _h.Raw.LoginAsync(TestUsers.Expired, "Wrong-Passw0rd")).Status);
    }

    [Fact]
    public async Task TemporaryToken_AnywhereButPasswordUpdate_Answers403WithoutBody()
    {
        var temporary = (await _h.Client.LoginWithPasswordAsync(TestUsers.Expired, SandboxUser.DefaultPassword)).Value.Token;
        var options = WeavrCallOptions.WithToken(temporary);
        var identity = _h.Sandbox.GetUser(TestUsers.Expired).Identity;

        var identities = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.GetIdentitiesAsync(options: options));
        var access = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.RequestAccessTokenAsync(identity, options));
        var factors = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.GetAuthenticationFactorsAsync(options));
        Assert.All(new[] { identities, access, factors }, e => Assert.Null(e.ErrorCode));
        Assert.Equal(string.Empty, (await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: temporary.Reveal())).Body);
    }

    [Fact]
    public async Task UpdatePassword_WithTemporaryToken_ReturnsATokenAndTheNewPasswordWorks()
    {
        var temporary = (await _h.Client.LoginWithPasswordAsync(TestUsers.Expired, SandboxUser.DefaultPassword)).Value.Token;

        var updated = await _h.Client.UpdatePasswordAsync(SandboxUser.DefaultPassword, "N3w-Passw0rd", WeavrCallOptions.WithToken(temporary));

        var user = _h.Sandbox.GetUser(TestUsers.Expired);
        Assert.Equal(user.Identity, updated.Value.PasswordInfo!.IdentityId);
        Assert.Equal(0, updated.Value.PasswordInfo.ExpiryDate);
        Assert.False(user.IsPasswordExpired);
        Assert.Equal("N3w-Passw0rd", user.Password);
        var access = await _h.Client.RequestAccessTokenAsync(user.Identity, WeavrCallOptions.WithToken(updated.Value.Token));
        Assert.Equal(AccessTokenStatus.Standard, access.Value.Status);
        await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => _h.Client.UpdatePasswordAsync("N3w-Passw0rd", "An0ther-Passw0rd", WeavrCallOptions.WithToken(temporary)));
        Assert.Equal(PasswordLoginOutcome.Authenticated, (await _h.Client.LoginWithPasswordAsync(TestUsers.Expired, "N3w-Passw0rd")).Value.Outcome);
        await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Expired, SandboxUser.DefaultPassword));
    }

    [Theory]
    [InlineData("Wrong-Passw0rd", "N3w-Passw0rd", WeavrErrorCodes.PasswordIncorrect)]
    [InlineData(SandboxUser.DefaultPassword, "Sh0rt!x", WeavrErrorCodes.PasswordTooShort)]
    [InlineData(SandboxUser.DefaultPassword, "Aa1!aaaaaaaaaaaaaaaaaaaaaaaaaaa", WeavrErrorCodes.PasswordTooLong)]
    [InlineData(SandboxUser.DefaultPassword, "alllowercase1!", WeavrErrorCodes.PasswordTooSimple)]
    [InlineData(SandboxUser.DefaultPassword, "NoDigitsHere!", WeavrErrorCodes.PasswordTooSimple)]
    [InlineData(SandboxUser.DefaultPassword, "NoSpecial123", WeavrErrorCodes.PasswordTooSimple)]
    [InlineData(SandboxUser.DefaultPassword, SandboxUser.DefaultPassword, WeavrErrorCodes.PasswordAlreadyUsed)]
    public async Task UpdatePassword_PolicyViolation_Answers409WithTheDocumentedCode(string oldPassword, string newPassword, string expected)
    {
        var temporary = (await _h.Client.LoginWithPasswordAsync(TestUsers.Expired, SandboxUser.DefaultPassword)).Value.Token;

        var ex = await Assert.ThrowsAnyAsync<WeavrConflictException>(() => _h.Client.UpdatePasswordAsync(oldPassword, newPassword, WeavrCallOptions.WithToken(temporary)));

        Assert.Equal(expected, ex.ErrorCode);
        Assert.True(_h.Sandbox.GetUser(TestUsers.Expired).IsPasswordExpired);
    }

    [Theory]
    [InlineData("Sh0rt!x", PasswordPolicyOutcome.TooShort)]
    [InlineData("Aa1!aaaaaaaaaaaaaaaaaaaaaaaaaaa", PasswordPolicyOutcome.TooLong)]
    [InlineData("alllowercase1!", PasswordPolicyOutcome.TooSimple)]
    [InlineData("NoSpecial123", PasswordPolicyOutcome.TooSimple)]
    [InlineData("N3w-Passw0rd", PasswordPolicyOutcome.Accepted)]
    [InlineData(SandboxUser.DefaultPassword, PasswordPolicyOutcome.Accepted)] // The history is a rule of the change, not of the policy.
    public async Task ValidatePassword_WithTheApiKeyAlone_AnswersThePolicy(string password, PasswordPolicyOutcome expected)
    {
        _h.Sandbox.ClearRequestLog();

        var response = await _h.Client.ValidatePasswordAsync(password);

        Assert.Equal(expected, response.Value);
        var entry = Assert.Single(_h.Sandbox.RequestLog);
        Assert.Equal(("/multi/passwords/validate", expected == PasswordPolicyOutcome.Accepted ? 204 : 409), (entry.Path, entry.StatusCode));
        Assert.Null(entry.Header("Authorization"));
    }

    [Fact]
    public async Task ValidatePassword_WithoutPassword_Answers400NamingTheField()
    {
        var raw = await _h.Raw.PostAsync("/multi/passwords/validate", "{}");

        Assert.Equal(400, raw.Status);
        Assert.Contains("\"password\"", raw.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePassword_OneOfTheLastFive_IsRefusedButTheSixthOldestIsAllowed()
    {
        var current = SandboxUser.DefaultPassword;
        foreach (var next in new[] { "Passw0rd!1", "Passw0rd!2", "Passw0rd!3", "Passw0rd!4" })
        {
            await _h.Client.UpdatePasswordAsync(current, next, await AccessAsync(TestUsers.Sms, current));
            current = next;
        }

        // History now: Passw0rd!4 (current), !3, !2, !1, DefaultPassword: all five refused.
        var access = await AccessAsync(TestUsers.Sms, current);
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.UpdatePasswordAsync(current, SandboxUser.DefaultPassword, access));
        Assert.Equal(WeavrErrorCodes.PasswordAlreadyUsed, ex.ErrorCode);

        await _h.Client.UpdatePasswordAsync(current, "Passw0rd!5", access);
        await _h.Client.UpdatePasswordAsync("Passw0rd!5", SandboxUser.DefaultPassword, await AccessAsync(TestUsers.Sms, "Passw0rd!5"));
        Assert.Equal(SandboxUser.DefaultPassword, _h.Sandbox.GetUser(TestUsers.Sms).Password);
    }

    [Fact]
    public async Task UpdatePassword_WithAnAuthToken_Answers403AccessTokenRequired()
    {
        var auth = (await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword)).Value.Token;

        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.UpdatePasswordAsync(SandboxUser.DefaultPassword, "N3w-Passw0rd", WeavrCallOptions.WithToken(auth)));

        Assert.True(ex.IsAccessTokenRequired);
    }

    private async Task<WeavrCallOptions> AccessAsync(string email, string password)
    {
        var auth = (await _h.Client.LoginWithPasswordAsync(email, password)).Value.Token;
        var access = await _h.Client.RequestAccessTokenAsync(_h.Sandbox.GetUser(email).Identity, WeavrCallOptions.WithToken(auth));
        return WeavrCallOptions.WithToken(access.Value.Token);
    }
}
