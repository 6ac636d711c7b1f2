using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthClient.Testing.Tests.Support;
using AuthClient.Transmit.DeviceKeys;

namespace AuthClient.Testing.Tests.Transmit;

public sealed class SandboxTransmitTests : IAsyncLifetime
{
    private const string ClientId = "app-client";
    private const string ClientSecret = "app-secret";
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b
        .WithTestUsers()
        .WithTransmitClient(ClientId, ClientSecret)
        .WithUser(u => u.Email("tx@example.com").TransmitUserId("user-42")));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Token_ValidClientCredentials_ReturnsABearerTokenForAnHour()
    {
        var raw = await TokenAsync($"grant_type=client_credentials&client_id={ClientId}&client_secret={ClientSecret}");

        Assert.Equal(200, raw.Status);
        Assert.Equal("Bearer", raw.Get("token_type"));
        Assert.Equal(3600, raw.Json.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(raw.Get("access_token")));
        Assert.Equal(_h.Sandbox.Url + "/oidc/token", _h.Sandbox.Transmit.TokenUrl);
        Assert.Equal(_h.Sandbox.Url + "/cis", _h.Sandbox.TransmitBaseUrl);
    }

    [Fact]
    public async Task Token_WrongSecret_Answers401InTheTokenApiShape()
    {
        var raw = await TokenAsync($"grant_type=client_credentials&client_id={ClientId}&client_secret=nope");

        Assert.Equal(401, raw.Status);
        Assert.Equal("""{"message":["Bad request"],"error_code":401}""", raw.Body);
    }

    [Theory]
    [InlineData("grant_type=password&client_id=app-client&client_secret=app-secret")]
    [InlineData("client_id=app-client&client_secret=app-secret")]
    public async Task Token_WrongGrantType_Answers400(string form)
    {
        var raw = await TokenAsync(form);

        Assert.Equal(400, raw.Status);
        Assert.Equal(400, raw.Json.GetProperty("error_code").GetInt32());
    }

    [Fact]
    public async Task Token_JsonInsteadOfForm_Answers400()
    {
        var raw = await _h.Raw.PostAsync("/oidc/token", """{"grant_type":"client_credentials"}""");

        Assert.Equal(400, raw.Status);
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public async Task RegisterStartAuthenticate_WithARealDeviceSignature_ReturnsUserTokens(DeviceKeyType keyType)
    {
        using var device = DeviceKeyPair.Create(keyType);
        var register = await RegisterAsync(device, "user-42");
        var challenge = await StartAsync("""{"user_id":"user-42"}""");

        var raw = await AuthenticateAsync(device.Sign(challenge), challenge, device.PublicKeyId, "user-42");

        Assert.Equal(200, register.Status);
        Assert.Equal(200, raw.Status);
        var json = raw.Json;
        foreach (var property in new[] { "access_token", "id_token", "refresh_token", "session_id" })
        {
            Assert.False(string.IsNullOrEmpty(json.GetProperty(property).GetString()), property);
        }

        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        var key = Assert.Single(_h.Sandbox.Transmit.GetRegisteredKeys("user-42"));
        Assert.Equal((device.PublicKeyId, keyType, "Android"), (key.PublicKeyId, key.KeyType, key.Os));
    }

    [Fact]
    public async Task Authenticate_TamperedSignature_Answers400()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");
        var challenge = await StartAsync("""{"user_id":"user-42"}""");
        var signature = Convert.FromBase64String(device.Sign(challenge));
        signature[^1] ^= 0x01;

        var raw = await AuthenticateAsync(Convert.ToBase64String(signature), challenge, device.PublicKeyId, "user-42");

        Assert.Equal(400, raw.Status);
        Assert.Equal(400, raw.Json.GetProperty("error_code").GetInt32());
        Assert.Equal("auth_invalid_signature", raw.Get("ts_error_code"));
        Assert.False(string.IsNullOrEmpty(raw.Get("message")));
    }

    [Fact]
    public async Task Authenticate_SignatureOfAnotherChallengeOrKey_Answers400()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        using var stranger = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");
        var first = await StartAsync("""{"user_id":"user-42"}""");
        var second = await StartAsync("""{"user_id":"user-42"}""");

        var wrongChallenge = await AuthenticateAsync(device.Sign("something else"), first, device.PublicKeyId, "user-42");
        var wrongKey = await AuthenticateAsync(stranger.Sign(second), second, device.PublicKeyId, "user-42");

        Assert.Equal("auth_invalid_signature", wrongChallenge.Get("ts_error_code"));
        Assert.Equal("auth_invalid_signature", wrongKey.Get("ts_error_code"));
    }

    [Fact]
    public async Task Authenticate_ChallengeUsedTwice_AnswersInvalidChallengeTheSecondTime()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");
        var challenge = await StartAsync("""{"user_id":"user-42"}""");
        var signature = device.Sign(challenge);

        var first = await AuthenticateAsync(signature, challenge, device.PublicKeyId, "user-42");
        var second = await AuthenticateAsync(signature, challenge, device.PublicKeyId, "user-42");

        Assert.Equal(200, first.Status);
        Assert.Equal((400, "auth_invalid_challenge"), (second.Status, second.Get("ts_error_code")));
    }

    [Fact]
    public async Task Authenticate_ChallengeNeverIssued_AnswersInvalidChallenge()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");

        var raw = await AuthenticateAsync(device.Sign("made-up"), "made-up", device.PublicKeyId, "user-42");

        Assert.Equal((400, "auth_invalid_challenge"), (raw.Status, raw.Get("ts_error_code")));
    }

    [Fact]
    public async Task Authenticate_ChallengeIssuedForAnotherUser_AnswersInvalidChallenge()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");
        var challenge = await StartAsync($$"""{"user_id":"{{_h.Sandbox.GetUser(TestUsers.Sms).TransmitUserId}}"}""");

        var raw = await AuthenticateAsync(device.Sign(challenge), challenge, device.PublicKeyId, "user-42");

        Assert.Equal((400, "auth_invalid_challenge"), (raw.Status, raw.Get("ts_error_code")));
    }

    [Fact]
    public async Task Authenticate_ChallengeOlderThanItsLifetime_AnswersInvalidChallenge()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");
        var challenge = await StartAsync("""{"user_id":"user-42"}""");
        _h.Time.Advance(TimeSpan.FromMinutes(5));

        var raw = await AuthenticateAsync(device.Sign(challenge), challenge, device.PublicKeyId, "user-42");

        Assert.Equal((400, "auth_invalid_challenge"), (raw.Status, raw.Get("ts_error_code")));
    }

    [Fact]
    public async Task Authenticate_UnknownKeyId_Answers400()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        var challenge = await StartAsync("""{"user_id":"user-42"}""");

        var raw = await AuthenticateAsync(device.Sign(challenge), challenge, device.PublicKeyId, "user-42");

        Assert.Equal((400, "auth_key_not_found"), (raw.Status, raw.Get("ts_error_code")));
    }

    [Fact]
    public async Task Authenticate_MissingField_Answers400SystemInvalidInput()
    {
        var raw = await SendAsync(HttpMethod.Post, "authenticate", """{"challenge":"c","key_id":"k","user_id":"u"}""", await ClientTokenAsync());

        Assert.Equal(400, raw.Status);
        Assert.Equal("""{"message":"signature should not be null or undefined","error_code":400,"ts_error_code":"system_invalid_input"}""", raw.Body);
    }

    [Theory]
    [InlineData("""{"identifier":"tx@example.com","identifier_type":"email"}""")]
    [InlineData("""{"identifier":"TX@example.com","identifier_type":"username"}""")]
    [InlineData("""{"identifier":"user-42","identifier_type":"user_id"}""")]
    [InlineData("""{"user_id":"user-42","approval_data":{"amount":"10.00","payee_id":"p-1"}}""")]
    public async Task Start_KnownUser_ReturnsARandomChallenge(string body)
    {
        var first = await SendAsync(HttpMethod.Post, "start", body, await ClientTokenAsync());
        var second = await SendAsync(HttpMethod.Post, "start", body, await ClientTokenAsync());

        Assert.Equal(200, first.Status);
        Assert.True(first.Get("challenge")!.Length >= 32);
        Assert.NotEqual(first.Get("challenge"), second.Get("challenge"));
    }

    [Fact]
    public async Task Start_UnknownUser_Answers404()
    {
        var raw = await SendAsync(HttpMethod.Post, "start", """{"identifier":"nobody@example.com","identifier_type":"email"}""", await ClientTokenAsync());

        Assert.Equal(404, raw.Status);
        Assert.Equal("user_not_found", raw.Get("error_code"));
    }

    [Fact]
    public async Task Start_ApprovalDataNotFlat_Answers400()
    {
        var raw = await SendAsync(HttpMethod.Post, "start", """{"user_id":"user-42","approval_data":{"nested":{"a":1}}}""", await ClientTokenAsync());

        Assert.Equal((400, "system_invalid_input"), (raw.Status, raw.Get("ts_error_code")));
    }

    [Fact]
    public async Task ClientEndpoints_WithoutTokenOrWithAUserToken_AreRefused()
    {
        var none = await SendAsync(HttpMethod.Post, "start", """{"user_id":"user-42"}""", token: null);
        var user = await SendAsync(HttpMethod.Post, "start", """{"user_id":"user-42"}""", _h.Sandbox.Transmit.IssueUserToken("user-42").Reveal());

        Assert.Equal(401, none.Status);
        Assert.Equal(403, user.Status);
    }

    [Fact]
    public async Task Register_WithAClientToken_Answers403()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);

        var raw = await SendAsync(HttpMethod.Post, "register", RegisterBody(device), await ClientTokenAsync());

        Assert.Equal(403, raw.Status);
    }

    [Theory]
    [InlineData("publicKey")]
    [InlineData("publicKeyId")]
    [InlineData("os")]
    public async Task Register_MissingRequiredProperty_Answers400SystemInvalidInput(string property)
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        var body = RegisterBody(device, omit: property);

        var raw = await SendAsync(HttpMethod.Post, "register", body, _h.Sandbox.Transmit.IssueUserToken("user-42").Reveal());

        Assert.Equal(400, raw.Status);
        Assert.Equal($"{property} should not be null or undefined", raw.Get("message"));
        Assert.Equal("system_invalid_input", raw.Get("ts_error_code"));
    }

    [Fact]
    public async Task Register_KeyTypeMismatchOrUnknown_Answers400()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        var token = _h.Sandbox.Transmit.IssueUserToken("user-42").Reveal();

        var mismatch = await SendAsync(HttpMethod.Post, "register", RegisterBody(device, "rsa"), token);
        var unknown = await SendAsync(HttpMethod.Post, "register", RegisterBody(device, "dsa"), token);
        var garbage = await SendAsync(HttpMethod.Post, "register", """{"publicKey":"not a key","publicKeyId":"k","os":"iOS"}""", token);

        Assert.Equal("auth_invalid_key_encoding", mismatch.Get("ts_error_code"));
        Assert.Equal("auth_invalid_key_type", unknown.Get("ts_error_code"));
        Assert.Equal("auth_invalid_key_encoding", garbage.Get("ts_error_code"));
    }

    [Fact]
    public async Task Register_SameKeyTwice_Answers409()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");

        var again = await RegisterAsync(device, "user-42");

        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task Delete_RegisteredKey_Answers204AndTheKeyNoLongerAuthenticates()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Rsa);
        await RegisterAsync(device, "user-42");
        var userToken = _h.Sandbox.Transmit.IssueUserToken("user-42").Reveal();

        var deleted = await SendAsync(HttpMethod.Delete, "delete", $$"""{"publicKeyId":"{{device.PublicKeyId}}"}""", userToken);
        var challenge = await StartAsync("""{"user_id":"user-42"}""");
        var authenticate = await AuthenticateAsync(device.Sign(challenge), challenge, device.PublicKeyId, "user-42");

        Assert.Equal((204, ""), (deleted.Status, deleted.Body));
        Assert.Empty(_h.Sandbox.Transmit.GetRegisteredKeys("user-42"));
        Assert.Equal("auth_key_not_found", authenticate.Get("ts_error_code"));
    }

    [Fact]
    public async Task Delete_UnknownKey_Answers404InvalidRequest()
    {
        var raw = await SendAsync(HttpMethod.Delete, "delete", """{"publicKeyId":"nope"}""", _h.Sandbox.Transmit.IssueUserToken("user-42").Reveal());

        Assert.Equal(404, raw.Status);
        Assert.Equal("invalid_request", raw.Get("error_code"));
        Assert.False(string.IsNullOrEmpty(raw.Get("message")));
    }

    [Fact]
    public async Task Delete_WithTheAccessTokenFromAuthenticate_Works()
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await RegisterAsync(device, "user-42");
        var challenge = await StartAsync("""{"user_id":"user-42"}""");
        var tokens = await AuthenticateAsync(device.Sign(challenge), challenge, device.PublicKeyId, "user-42");

        var deleted = await SendAsync(HttpMethod.Delete, "delete", $$"""{"publicKeyId":"{{device.PublicKeyId}}"}""", tokens.Get("access_token"));

        Assert.Equal(204, deleted.Status);
    }

    [Fact]
    public async Task Tokens_AfterTheirLifetime_AreRefused()
    {
        var client = await ClientTokenAsync();
        var user = _h.Sandbox.Transmit.IssueUserToken("user-42").Reveal();

        _h.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(401, (await SendAsync(HttpMethod.Post, "start", """{"user_id":"user-42"}""", client)).Status);
        Assert.Equal(401, (await SendAsync(HttpMethod.Delete, "delete", """{"publicKeyId":"x"}""", user)).Status);
    }

    [Fact]
    public async Task SandboxUsers_AreTransmitUsersByEmailAndAssignedId()
    {
        var user = _h.Sandbox.GetUser(TestUsers.Sms);

        var byEmail = await SendAsync(HttpMethod.Post, "start", $$"""{"identifier":"{{user.Email}}","identifier_type":"email"}""", await ClientTokenAsync());
        var byId = await SendAsync(HttpMethod.Post, "start", $$"""{"user_id":"{{user.TransmitUserId}}"}""", await ClientTokenAsync());

        Assert.Equal((200, 200), (byEmail.Status, byId.Status));
    }

    private async Task<RawResponse> TokenAsync(string form)
    {
        using var content = new StringContent(form, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await _h.Raw.Http.PostAsync("/oidc/token", content);
        return new RawResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
    }

    private async Task<string> ClientTokenAsync() =>
        (await TokenAsync($"grant_type=client_credentials&client_id={ClientId}&client_secret={ClientSecret}")).Get("access_token")!;

    private async Task<RawResponse> SendAsync(HttpMethod method, string operation, string body, string? token) =>
        await _h.Raw.SendAsync(method, "/cis/v1/auth/mobile-biometrics/" + operation, body, token, withApiKey: false);

    private static string RegisterBody(DeviceKeyPair device, string? encryptionType = null, string? omit = null)
    {
        var body = new Dictionary<string, string>
        {
            ["publicKey"] = device.PublicKeyPem,
            ["publicKeyId"] = device.PublicKeyId,
            ["os"] = "Android",
            ["encryptionType"] = encryptionType ?? device.EncryptionType,
        };
        if (omit is not null)
        {
            body.Remove(omit);
        }

        return JsonSerializer.Serialize(body);
    }

    private Task<RawResponse> RegisterAsync(DeviceKeyPair device, string userId) =>
        SendAsync(HttpMethod.Post, "register", RegisterBody(device), _h.Sandbox.Transmit.IssueUserToken(userId).Reveal());

    private async Task<string> StartAsync(string body)
    {
        var raw = await SendAsync(HttpMethod.Post, "start", body, await ClientTokenAsync());
        Assert.Equal(200, raw.Status);
        return raw.Get("challenge")!;
    }

    private async Task<RawResponse> AuthenticateAsync(string signature, string challenge, string keyId, string userId) =>
        await SendAsync(
            HttpMethod.Post,
            "authenticate",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["signature"] = signature, ["challenge"] = challenge, ["key_id"] = keyId, ["user_id"] = userId }),
            await ClientTokenAsync());
}
