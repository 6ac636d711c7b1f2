using AuthClient.Errors;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;

namespace AuthClient.Testing.Tests;

/// <summary>The forgotten-password flow over the wire: start records the sandbox's fixed nonce, resume enforces it,
/// its expiry and the password rules, and answers an AUTH token that signs in like a password login.</summary>
public sealed class WeavrSandboxLostPasswordTests : IAsyncLifetime
{
    private const string Nonce = "654321";
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b.WithTestUsers());

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task StartThenResume_SetsThePasswordAndAnswersAnAuthToken()
    {
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await _h.Client.StartLostPasswordAsync(TestUsers.Sms)).StatusCode);

        var resumed = await _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, "R3set-Passw0rd");

        var identities = await _h.Client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(resumed.Value.Token));
        Assert.Single(identities.Value.Identities);
        Assert.Equal("R3set-Passw0rd", _h.Sandbox.GetUser(TestUsers.Sms).Password);
        await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, "R3set-Passw0rd");
        Assert.All(_h.Sandbox.RequestLog.Where(e => e.Path.StartsWith("/multi/passwords/", StringComparison.Ordinal)), e => Assert.Null(e.Header("Authorization")));
    }

    [Fact]
    public async Task Resume_TheNonceWorksOnce()
    {
        await _h.Client.StartLostPasswordAsync(TestUsers.Sms);
        await _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, "R3set-Passw0rd");

        var again = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, "An0ther-Passw0rd"));

        Assert.Equal(WeavrErrorCodes.InvalidNonceOrEmail, again.ErrorCode);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData(null)] // Not started.
    public async Task Resume_WrongNonceOrNotStarted_Answers409InvalidNonceOrEmail(string? nonce)
    {
        if (nonce is not null)
        {
            await _h.Client.StartLostPasswordAsync(TestUsers.Sms);
        }

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, nonce ?? Nonce, "R3set-Passw0rd"));

        Assert.Equal(WeavrErrorCodes.InvalidNonceOrEmail, ex.ErrorCode);
        Assert.DoesNotContain(Nonce, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(SandboxUser.DefaultPassword, _h.Sandbox.GetUser(TestUsers.Sms).Password);
    }

    [Fact]
    public async Task Resume_AfterTheNonceExpired_Answers410TokenExpired()
    {
        await _h.Client.StartLostPasswordAsync(TestUsers.Sms);
        _h.Time.Advance(new SandboxRules().LostPasswordNonceLifetime);

        var ex = await Assert.ThrowsAsync<WeavrTokenException>(() => _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, "R3set-Passw0rd"));

        Assert.True(ex.IsExpired);
    }

    [Theory]
    [InlineData("Sh0rt!x", PasswordPolicyOutcome.TooShort)]
    [InlineData("alllowercase1!", PasswordPolicyOutcome.TooSimple)]
    public async Task Resume_PolicyViolation_IsTypedAndKeepsTheNonce(string password, PasswordPolicyOutcome expected)
    {
        await _h.Client.StartLostPasswordAsync(TestUsers.Sms);

        var ex = await Assert.ThrowsAsync<WeavrPasswordPolicyException>(() => _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, password));

        Assert.Equal(expected, ex.Outcome);
        await _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, "R3set-Passw0rd");
    }

    [Fact]
    public async Task Resume_ARecentPassword_Answers409PasswordAlreadyUsed()
    {
        await _h.Client.StartLostPasswordAsync(TestUsers.Sms);

        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, SandboxUser.DefaultPassword));

        Assert.Equal(WeavrErrorCodes.PasswordAlreadyUsed, ex.ErrorCode);
    }

    [Fact]
    public async Task Start_UnknownAccount_Answers409AccountNotFound()
    {
        var ex = await Assert.ThrowsAsync<WeavrConflictException>(() => _h.Client.StartLostPasswordAsync("nobody@example.com"));

        Assert.Equal(WeavrErrorCodes.AccountNotFound, ex.ErrorCode);
    }

    [Fact]
    public async Task Resume_UnlocksALockedAccount()
    {
        for (var i = 0; i < new SandboxRules().LoginAttemptLimit; i++)
        {
            await Assert.ThrowsAsync<WeavrForbiddenException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, "wrong"));
        }

        await _h.Client.StartLostPasswordAsync(TestUsers.Sms);
        await _h.Client.ResumeLostPasswordAsync(TestUsers.Sms, Nonce, "R3set-Passw0rd");

        Assert.Equal(PasswordLoginOutcome.Authenticated, (await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, "R3set-Passw0rd")).Value.Outcome);
    }
}
