using AuthClient.DependencyInjection;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Testing.Tests;

public sealed class WeavrSandboxWireTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b.WithTestUsers());

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AnyWeavrCall_WithoutApiKey_Answers400NamingTheHeader()
    {
        var raw = await _h.Raw.SendAsync(HttpMethod.Post, "/multi/login_with_password", """{"email":"ada@example.com","password":{"value":"x"}}""", withApiKey: false);

        Assert.Equal(400, raw.Status);
        Assert.Equal("""{"invalidFields":[{"error":"REQUIRED","fieldName":"api-key"}]}""", raw.Body);
        Assert.Equal("application/json", raw.ContentHeaders!.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnyWeavrCall_WithWrongApiKey_Answers401WithoutBody()
    {
        var raw = await _h.Raw.SendAsync(HttpMethod.Get, "/multi/identities", apiKey: "wrong-key");

        Assert.Equal((401, ""), (raw.Status, raw.Body));
    }

    [Fact]
    public async Task EveryResponse_CarriesAUniqueRequestRef()
    {
        _h.Sandbox.Faults.Next().OnPath("/identities").RespondWith(503);
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Sms);
        var responses = new[]
        {
            await _h.Raw.LoginAsync(TestUsers.Sms),
            await _h.Raw.LoginAsync(TestUsers.Sms, "Wrong-Passw0rd"),
            await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access),
            await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access),
            await _h.Raw.GetAsync("/multi/identities", access),
            await _h.Raw.SendAsync(HttpMethod.Get, "/multi/identities", withApiKey: false),
            await _h.Raw.GetAsync("/multi/no_such_endpoint", access),
            await _h.Raw.PostAsync("/cis/v1/auth/mobile-biometrics/start", "{}"),
        };

        Assert.Equal([200, 403, 204, 409, 503, 400, 404, 401], responses.Select(r => r.Status));
        Assert.All(responses, r => Assert.False(string.IsNullOrEmpty(r.RequestRef)));
        Assert.Equal(responses.Length, responses.Select(r => r.RequestRef).Distinct().Count());
    }

    [Fact]
    public async Task LoginWithPassword_Success_HasTheDocumentedBodyShape()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Sms);

        var raw = await _h.Raw.LoginAsync(TestUsers.Sms);

        Assert.Equal(
            $$$"""{"token":"{{{raw.Get("token")}}}","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"{{{user.Identity.Id}}}"},"credentials":{"type":"ROOT","id":"{{{user.Credential.Id}}}"}}""",
            raw.Body);
    }

    [Fact]
    public async Task RequestAccessToken_Success_HasTheDocumentedBodyShape()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Sms);
        var auth = await _h.Raw.AuthTokenAsync(TestUsers.Sms);

        var raw = await _h.Raw.PostAsync("/multi/access_token", $$$"""{"identity":{"type":"CONSUMER","id":"{{{user.Identity.Id}}}"}}""", auth);

        Assert.Equal(
            $$"""{"token":"{{raw.Get("token")}}","identity":{"type":"CONSUMER","id":"{{user.Identity.Id}}"},"credentials":{"type":"ROOT","id":"{{user.Credential.Id}}"},"status":"STANDARD"}""",
            raw.Body);
    }

    [Fact]
    public async Task GetAuthenticationFactors_HasTheDocumentedBodyShape()
    {
        var raw = await _h.Raw.GetAsync("/multi/authentication_factors", await _h.Raw.AccessTokenAsync(TestUsers.Biometric));

        Assert.Equal("""{"factors":[{"type":"OTP","status":"ACTIVE","channel":"SMS"},{"type":"BIOMETRIC","status":"ACTIVE","channel":"BIOMETRIC"}]}""", raw.Body);
    }

    [Fact]
    public async Task UnknownPathOrWrongMethod_Answers404Or405()
    {
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Sms);

        var unknown = await _h.Raw.GetAsync("/multi/nothing_here", access);
        var wrongMethod = await _h.Raw.GetAsync("/multi/login_with_password");
        var outside = await _h.Raw.GetAsync("/elsewhere");

        Assert.Equal([404, 405, 404], new[] { unknown.Status, wrongMethod.Status, outside.Status });
    }

    [Fact]
    public async Task IdempotencyRef_RepeatedCall_ReplaysTheFirstAnswerInsteadOfRunningTwice()
    {
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Sms);
        var sameRef = new Dictionary<string, string> { ["idempotency-ref"] = "ref-1" };

        var first = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);
        var replay = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);
        var fresh = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: new Dictionary<string, string> { ["idempotency-ref"] = "ref-2" });

        Assert.Equal([204, 204, 409], new[] { first.Status, replay.Status, fresh.Status });
        Assert.NotEqual(first.RequestRef, replay.RequestRef);
        Assert.Equal("RETRY_IN_15SEC", fresh.Get("errorCode"));
    }

    [Fact]
    public async Task IdempotencyRef_ReplayAfterTheTokenExpired_Answers401()
    {
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Sms);
        var sameRef = new Dictionary<string, string> { ["idempotency-ref"] = "ref-1" };
        await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);

        _h.Time.Advance(TimeSpan.FromMinutes(5));
        var replay = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);

        Assert.Equal(401, replay.Status);
    }

    [Fact]
    public async Task IdempotencyRef_ReplayAfterStepUpRequiredAndAStepUp_RunsTheCall()
    {
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Authy);
        var sameRef = new Dictionary<string, string> { ["idempotency-ref"] = "unlink-1" };

        var refused = await _h.Raw.SendAsync(HttpMethod.Delete, "/multi/authentication_factors/push/AUTHY", token: access, headers: sameRef);
        Assert.Equal(204, (await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access)).Status);
        Assert.Equal(204, (await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"123456"}""", access)).Status);
        var replayed = await _h.Raw.SendAsync(HttpMethod.Delete, "/multi/authentication_factors/push/AUTHY", token: access, headers: sameRef);
        var again = await _h.Raw.SendAsync(HttpMethod.Delete, "/multi/authentication_factors/push/AUTHY", token: access, headers: sameRef);

        Assert.Equal((403, "STEP_UP_REQUIRED"), (refused.Status, refused.Get("errorCode")));
        Assert.Equal(204, replayed.Status);
        Assert.Equal(204, again.Status); // The answer of the call that ran is remembered.
        Assert.Null(_h.Sandbox.GetUser(TestUsers.Authy).GetFactorStatus(ScaChannel.Authy));
    }

    [Fact]
    public async Task IdempotencyRef_ReplayDisabled_RunsTheCallAgain()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRules(r => r.IdempotencyReplay = false));
        var access = await h.Raw.AccessTokenAsync(TestUsers.Sms);
        var sameRef = new Dictionary<string, string> { ["idempotency-ref"] = "ref-1" };

        await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);
        var again = await h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);

        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task RequestLog_RecordsMethodPathHeadersAndBody()
    {
        _h.Sandbox.ClearRequestLog();

        await _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);

        var entry = Assert.Single(_h.Sandbox.RequestLog);
        Assert.Equal(("POST", "/multi/login_with_password", 200), (entry.Method, entry.Path, entry.StatusCode));
        Assert.Equal(_h.Sandbox.ApiKey, entry.Header("api-key"));
        Assert.Equal($$$"""{"email":"{{{TestUsers.Sms}}}","password":{"value":"{{{SandboxUser.DefaultPassword}}}"}}""", entry.Body);
        Assert.False(string.IsNullOrEmpty(entry.RequestRef));
        Assert.False(entry.ConnectionDropped);
    }

    [Fact]
    public async Task RequestLog_Limit_KeepsOnlyTheNewestEntries()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithRequestLogLimit(2));

        for (var i = 0; i < 4; i++)
        {
            await h.Raw.GetAsync("/multi/identities?n=" + i);
        }

        Assert.Equal(["n=2", "n=3"], h.Sandbox.RequestLog.Select(e => e.Query));
    }

    [Fact]
    public async Task ConfigureAuthClient_SetsBothApis()
    {
        var services = new ServiceCollection();
        services.AddAuthClient(_h.Sandbox.ConfigureAuthClient);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
        var login = await provider.GetRequiredService<IWeavrAuthClient>().LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);

        Assert.Equal(new Uri(_h.Sandbox.WeavrBaseUrl), options.Weavr.BaseUrl);
        Assert.Equal(new Uri(_h.Sandbox.TransmitBaseUrl), options.Transmit.BaseUrl);
        Assert.Equal(_h.Sandbox.Transmit.ClientId, options.Transmit.ClientId);
        Assert.Equal(PasswordLoginOutcome.Authenticated, login.Value.Outcome);
    }

    [Fact]
    public async Task Journey_LoginAccessTokenOtpStepUpAndProtectedCall_WorksEndToEnd()
    {
        var client = _h.Client;
        var user = _h.Sandbox.GetUser(TestUsers.Biometric);

        var login = await client.LoginWithPasswordAsync(user.Email, user.Password);
        var access = await client.RequestAccessTokenAsync(user.Identity, WeavrCallOptions.WithToken(login.Value.Token));
        var token = WeavrCallOptions.WithToken(access.Value.Token);
        await client.StartOtpStepUpAsync(ScaChannel.Sms, token);
        await client.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", token);
        await client.UnlinkPushAsync(ScaChannel.Biometric, token);

        Assert.Null(user.GetFactorStatus(ScaChannel.Biometric));
        Assert.Equal(5, _h.Sandbox.RequestLog.Count(e => e.StatusCode is 200 or 204));
    }
}
