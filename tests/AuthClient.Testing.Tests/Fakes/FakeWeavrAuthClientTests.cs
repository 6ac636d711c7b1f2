using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests.Fakes;

public sealed class FakeWeavrAuthClientTests
{
    private static readonly IdentityId Consumer = new(IdentityType.Consumer, "100");
    private readonly FakeWeavrAuthClient _fake = new();

    [Fact]
    public async Task LoginWithPasswordAsync_Configured_PassesTheArgumentsAndReturnsTheResult()
    {
        var login = WeavrResults.Login("auth-token");
        (string Email, string Password)? seen = null;
        _fake.OnLoginWithPassword = (email, password) =>
        {
            seen = (email, password);
            return login;
        };

        var result = await _fake.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");

        Assert.Same(login, result);
        Assert.Equal(("ada@example.com", "Passw0rd!"), seen);
    }

    [Fact]
    public async Task Calls_RecordOperationsAndArgumentsInOrder_WithSecretsAsSecrets()
    {
        var auth = new Secret("auth-token");
        _fake.OnLoginWithPassword = (_, _) => WeavrResults.Login("auth-token");
        _fake.OnGetIdentities = (_, _, _) => WeavrResults.Identities(new UserIdentity(Consumer, "Ada"));
        _fake.OnVerifyOtpStepUp = (_, _, _) => WeavrResults.NoContent();

        await _fake.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        await _fake.GetIdentitiesAsync(limit: 10, options: WeavrCallOptions.WithToken(auth));
        await _fake.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", new WeavrCallOptions { Token = auth, IdempotencyRef = "idem-1" });

        Assert.Equal(
            [
                new WeavrCall(WeavrOperation.LoginWithPassword) { Email = "ada@example.com", Password = new Secret("Passw0rd!") },
                new WeavrCall(WeavrOperation.GetIdentities) { Limit = 10, Token = auth },
                new WeavrCall(WeavrOperation.VerifyOtpStepUp) { Channel = ScaChannel.Sms, VerificationCode = new Secret("123456"), Token = auth, IdempotencyRef = "idem-1" },
            ],
            _fake.Calls);
        Assert.Equal([WeavrOperation.GetIdentities], _fake.CallsTo(WeavrOperation.GetIdentities).Select(c => c.Operation));
    }

    [Fact]
    public async Task Calls_ToString_NamesTheArgumentsButNeverPrintsASecret()
    {
        _fake.OnUpdatePassword = (_, _, _) => WeavrResults.PasswordUpdated();
        _fake.OnLoginWithPassword = (_, _) => WeavrResults.Login();

        await _fake.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        await _fake.UpdatePasswordAsync("0ld-Passw0rd!", "N3w-Passw0rd!", WeavrCallOptions.WithToken(new Secret("temporary-token")));
        var printed = string.Join("\n", _fake.Calls);

        Assert.Equal(
            "LoginWithPassword { Email = ada@example.com, Password = [redacted] }\n" +
            "UpdatePassword { OldPassword = [redacted], NewPassword = [redacted], Token = [redacted] }",
            printed);
        Assert.Equal("Logout { }", new WeavrCall(WeavrOperation.Logout).ToString());
    }

    [Theory]
    [MemberData(nameof(WeavrOperationCalls.All), MemberType = typeof(WeavrOperationCalls))]
    public async Task AnyOperation_NotConfigured_FailsNamingTheMethodAndTheHandlerAndIsRecorded(WeavrOperation operation)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => WeavrOperationCalls.CallAsync(_fake, operation));

        Assert.Equal(
            $"FakeWeavrAuthClient.{operation}Async was called but is not configured: set FakeWeavrAuthClient.On{operation} to return a result or throw an error.",
            e.Message);
        Assert.DoesNotContain("Passw0rd!", e.Message, StringComparison.Ordinal);
        Assert.Equal(operation, Assert.Single(_fake.Calls).Operation);
    }

    [Theory]
    [MemberData(nameof(WeavrOperationCalls.All), MemberType = typeof(WeavrOperationCalls))]
    public async Task AnyOperation_HandlerThrows_FailsTheTaskWithThatExceptionAndRecordsTheArguments(WeavrOperation operation)
    {
        var error = WeavrErrors.Unauthorized(operation);
        ConfigureAll(_fake, error);

        var task = WeavrOperationCalls.CallAsync(_fake, operation);

        Assert.True(task.IsFaulted); // Not thrown synchronously: as an async client fails.
        Assert.Same(error, await Assert.ThrowsAsync<WeavrUnauthorizedException>(() => task));
        Assert.Equal(WeavrOperationCalls.ExpectedCall(operation), Assert.Single(_fake.Calls));
    }

    [Fact]
    public async Task UnlinkPushAsync_HandlerThrowsAStepUpError_CallerCanCatchItByType()
    {
        _fake.OnUnlinkPush = (_, _) => throw WeavrErrors.StepUpRequired();

        var e = await Assert.ThrowsAsync<WeavrForbiddenException>(() => _fake.UnlinkPushAsync(ScaChannel.Authy));

        Assert.True(e.IsStepUpRequired);
    }

    [Fact]
    public async Task AnyCall_TokenAlreadyCancelled_IsCancelledWithoutRunningTheHandler()
    {
        var ran = false;
        _fake.OnGetAuthenticationFactors = _ =>
        {
            ran = true;
            return WeavrResults.Factors();
        };
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAsync<TaskCanceledException>(() => _fake.GetAuthenticationFactorsAsync(cancellationToken: cts.Token));

        Assert.False(ran);
        Assert.Single(_fake.Calls);
    }

    [Fact]
    public async Task Calls_ManyConcurrentCalls_AreAllRecorded()
    {
        _fake.OnRequestAccessToken = (identity, _) => WeavrResults.AccessToken(identity);
        var identities = Enumerable.Range(0, 500).Select(i => new IdentityId(IdentityType.Consumer, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        await Parallel.ForEachAsync(identities, async (identity, ct) => await _fake.RequestAccessTokenAsync(identity, cancellationToken: ct));

        Assert.Equal(identities.ToHashSet(), _fake.Calls.Select(c => c.Identity!).ToHashSet());
        Assert.Equal(500, _fake.CallsTo(WeavrOperation.RequestAccessToken).Count);
    }

    [Fact]
    public async Task Handler_ReplacedBetweenCalls_TheNewOneAnswers()
    {
        _fake.OnLoginViaBiometrics = (_, _) => WeavrResults.BiometricLogin("first");
        var first = await _fake.LoginViaBiometricsAsync("ada@example.com");
        _fake.OnLoginViaBiometrics = (_, identity) => WeavrResults.BiometricLogin("second for " + identity!.Id);

        var second = await _fake.LoginViaBiometricsAsync("ada@example.com", Consumer);

        Assert.Equal(("first", "second for 100"), (first.Value.ChallengeId, second.Value.ChallengeId));
        Assert.Equal(Consumer, _fake.Calls[1].Identity);
    }

    private static void ConfigureAll(FakeWeavrAuthClient fake, Exception error)
    {
        fake.OnLoginWithPassword = (_, _) => throw error;
        fake.OnLoginViaBiometrics = (_, _) => throw error;
        fake.OnGetIdentities = (_, _, _) => throw error;
        fake.OnRequestAccessToken = (_, _) => throw error;
        fake.OnGetAuthenticationFactors = _ => throw error;
        fake.OnEnrolOtp = (_, _) => throw error;
        fake.OnVerifyOtpEnrolment = (_, _, _) => throw error;
        fake.OnEnrolPush = (_, _) => throw error;
        fake.OnUnlinkPush = (_, _) => throw error;
        fake.OnStartOtpStepUp = (_, _) => throw error;
        fake.OnVerifyOtpStepUp = (_, _, _) => throw error;
        fake.OnStartPushStepUp = (_, _) => throw error;
        fake.OnLogout = _ => throw error;
        fake.OnUpdatePassword = (_, _, _) => throw error;
        fake.OnValidatePassword = (_, _) => throw error;
        fake.OnStartLostPassword = _ => throw error;
        fake.OnResumeLostPassword = (_, _, _) => throw error;
        fake.OnRequestDelegatedAccessToken = (_, _) => throw error;
        fake.OnExchangeOneTimeToken = (_, _) => throw error;
    }
}
