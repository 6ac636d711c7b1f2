using System.Net;
using System.Text.Json;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitBiometricsClientTests : IDisposable
{
    private const string UserToken = "user-access-token-UUU";
    private readonly TransmitTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StartAsync_ForUser_RequestsClientTokenAtHostRootThenSendsBearerAndExactJson()
    {
        _host.GivenToken();
        _host.GivenStart("challenge-123");

        var result = await _host.Client.StartAsync(BiometricsStartRequest.ForUser("user-1"));

        Assert.Equal("challenge-123", result.Challenge);
        var token = Assert.Single(_host.TokenRequests);
        Assert.Equal("POST", token.RequestMessage!.Method);
        Assert.Equal("/oidc/token", token.RequestMessage.Path); // Host root, not /cis/oidc/token.
        Assert.StartsWith("application/x-www-form-urlencoded", TransmitTestHost.Header(token, "Content-Type"));
        Assert.Equal(
            $"grant_type=client_credentials&client_id={TransmitTestHost.ClientId}&client_secret={TransmitTestHost.ClientSecret}",
            token.RequestMessage.Body);
        Assert.Null(TransmitTestHost.Header(token, "Authorization"));

        var start = Assert.Single(_host.Requests(TransmitTestHost.StartPath));
        Assert.Equal("POST", start.RequestMessage!.Method);
        Assert.Equal($"Bearer {TransmitTestHost.ClientToken1}", TransmitTestHost.Header(start, "Authorization"));
        Assert.StartsWith("application/json", TransmitTestHost.Header(start, "Content-Type"));
        Assert.Equal("""{"user_id":"user-1"}""", start.RequestMessage.Body);
        Assert.DoesNotContain(_host.Server.LogEntries, e => e.RequestMessage!.Path.Contains("/cis/oidc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_WithEveryOptionalField_SendsSnakeCaseJsonInOrder()
    {
        _host.GivenToken();
        _host.GivenStart();
        using var claims = JsonDocument.Parse("""{"id_token":{"roles":null}}""");
        var request = BiometricsStartRequest.ForIdentifier("jane@example.com", "email") with
        {
            DeviceId = "device-9",
            ApprovalData = new Dictionary<string, string> { ["transaction_id"] = "tx-1.2_3", ["sum"] = "200" },
            Timeout = 120,
            Resource = "https://api.example.com",
            Claims = claims.RootElement.Clone(),
            OrgId = "org-7",
            ClientAttributes = new ClientAttributes { UserAgent = "ua/1.0", IpAddress = "203.0.113.9" },
            SessionId = "session-5",
        };

        await _host.Client.StartAsync(request);

        var start = Assert.Single(_host.Requests(TransmitTestHost.StartPath));
        Assert.Equal(
            """{"identifier":"jane@example.com","identifier_type":"email","device_id":"device-9","approval_data":{"transaction_id":"tx-1.2_3","sum":"200"},"timeout":120,"resource":"https://api.example.com","claims":{"id_token":{"roles":null}},"org_id":"org-7","client_attributes":{"user_agent":"ua/1.0","ip_address":"203.0.113.9"},"session_id":"session-5"}""",
            start.RequestMessage!.Body);
    }

    [Fact]
    public async Task AuthenticateAsync_SendsClientTokenAndExactJson_ReturnsTokensAsSecrets()
    {
        _host.GivenToken();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.AuthenticatePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                """{"access_token":"user-at","id_token":"user-idt","refresh_token":"user-rt","token_type":"Bearer","expires_in":3600,"session_id":"sess-1"}"""));

        var tokens = await _host.Client.AuthenticateAsync(new BiometricsAuthenticateRequest
        {
            Signature = "c2lnbmF0dXJl",
            Challenge = "challenge-123",
            KeyId = "key-1",
            UserId = "user-1",
            SessionId = "sess-0",
            ClientAttributes = new ClientAttributes { IpAddress = "198.51.100.1" },
        });

        var call = Assert.Single(_host.Requests(TransmitTestHost.AuthenticatePath));
        Assert.Equal("POST", call.RequestMessage!.Method);
        Assert.Equal($"Bearer {TransmitTestHost.ClientToken1}", TransmitTestHost.Header(call, "Authorization"));
        Assert.Equal(
            """{"signature":"c2lnbmF0dXJl","challenge":"challenge-123","key_id":"key-1","user_id":"user-1","client_attributes":{"ip_address":"198.51.100.1"},"session_id":"sess-0"}""",
            call.RequestMessage.Body);
        Assert.Equal("user-at", tokens.AccessToken.Reveal());
        Assert.Equal("user-idt", tokens.IdToken!.Reveal());
        Assert.Equal("user-rt", tokens.RefreshToken!.Reveal());
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.Equal(3600, tokens.ExpiresIn);
        Assert.Equal("sess-1", tokens.SessionId);
        Assert.DoesNotContain("user-at", tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("user-rt", tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_SendsUserTokenAndMixedCaseJson_WithoutRequestingClientToken()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200));

        await _host.Client.RegisterAsync(new Secret(UserToken), new BiometricsRegisterRequest
        {
            PublicKey = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----",
            PublicKeyId = "pk-1",
            Os = "iOS",
            EncryptionType = EncryptionType.Ec,
            DeviceId = "device-9",
            Challenge = "att-challenge",
            AttestationEncodedResult = "YXR0",
            DisplayName = "Jane's iPhone",
        });

        Assert.Empty(_host.TokenRequests);
        var call = Assert.Single(_host.Requests(TransmitTestHost.RegisterPath));
        Assert.Equal("POST", call.RequestMessage!.Method);
        Assert.Equal($"Bearer {UserToken}", TransmitTestHost.Header(call, "Authorization"));
        Assert.Equal(
            """{"publicKey":"-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----","publicKeyId":"pk-1","os":"iOS","encryptionType":"ec","device_id":"device-9","challenge":"att-challenge","attestation_encoded_result":"YXR0","displayName":"Jane\u0027s iPhone"}""",
            call.RequestMessage.Body);
    }

    [Fact]
    public async Task RegisterAsync_RequiredFieldsOnly_OmitsOptionalFields()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200));

        await _host.Client.RegisterAsync(new Secret(UserToken), new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk-1", Os = "Android" });

        var call = Assert.Single(_host.Requests(TransmitTestHost.RegisterPath));
        Assert.Equal("""{"publicKey":"pem","publicKeyId":"pk-1","os":"Android"}""", call.RequestMessage!.Body);
    }

    [Fact]
    public async Task DeleteAsync_SendsDeleteWithJsonBodyAndUserToken()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.DeletePath).UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));

        await _host.Client.DeleteAsync(new Secret(UserToken), "pk-1");

        Assert.Empty(_host.TokenRequests);
        var call = Assert.Single(_host.Requests(TransmitTestHost.DeletePath));
        Assert.Equal("DELETE", call.RequestMessage!.Method);
        Assert.Equal($"Bearer {UserToken}", TransmitTestHost.Header(call, "Authorization"));
        Assert.StartsWith("application/json", TransmitTestHost.Header(call, "Content-Type"));
        Assert.Equal("""{"publicKeyId":"pk-1"}""", call.RequestMessage.Body);
    }

    [Theory]
    [InlineData(404, "not found for this user")]
    [InlineData(405, "does not serve the delete endpoint")]
    public async Task DeleteAsync_NotFoundOrMethodNotAllowed_ThrowsWithExplanation(int status, string expected)
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.DeletePath).UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(status));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.DeleteAsync(new Secret(UserToken), "pk-1"));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("User Authenticators API", ex.Message, StringComparison.Ordinal);
        Assert.Equal("DELETE", ex.Details.Method);
        Assert.Equal(TransmitTestHost.DeletePath, ex.Details.Path);
    }

    [Fact]
    public async Task StartAsync_WithoutClientCredentials_ThrowsClearlyAndSendsNothing()
    {
        using var host = new TransmitTestHost(o => { o.ClientId = string.Empty; o.ClientSecret = string.Empty; });

        var ex = await Assert.ThrowsAsync<AuthClientException>(() => host.Client.StartAsync(BiometricsStartRequest.ForUser("user-1")));

        Assert.Contains("ClientId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", ex.Message, StringComparison.Ordinal);
        Assert.Empty(host.Server.LogEntries);
    }

    [Fact]
    public async Task RegisterAsync_WithoutClientCredentials_StillWorks()
    {
        using var host = new TransmitTestHost(o => { o.ClientId = string.Empty; o.ClientSecret = string.Empty; });
        host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200));

        await host.Client.RegisterAsync(new Secret(UserToken), new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk-1", Os = "iOS" });

        Assert.Single(host.Requests(TransmitTestHost.RegisterPath));
    }

    [Fact]
    public async Task StartAsync_WithResourceOption_SendsResourceFormField()
    {
        using var host = new TransmitTestHost(o => o.Resource = "https://api.example.com/v1");
        host.GivenToken();
        host.GivenStart();

        await host.Client.StartAsync(BiometricsStartRequest.ForUser("user-1"));

        var token = Assert.Single(host.TokenRequests);
        Assert.Equal(
            $"grant_type=client_credentials&client_id={TransmitTestHost.ClientId}&client_secret={TransmitTestHost.ClientSecret}&resource=https%3A%2F%2Fapi.example.com%2Fv1",
            token.RequestMessage!.Body);
    }

    [Fact]
    public async Task StartAsync_BaseUrlWithPathPrefix_SendsTokenBesideCisAndApiUnderIt()
    {
        using var host = new TransmitTestHost(basePath: "/gateway/transmit/cis");
        host.Server.Given(Request.Create().WithPath("/gateway/transmit/oidc/token").UsingPost())
            .RespondWith(TransmitTestHost.TokenResponse(TransmitTestHost.ClientToken1, 3600));
        host.Server.Given(Request.Create().WithPath("/gateway/transmit/cis/v1/auth/mobile-biometrics/start").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"challenge":"c"}"""));

        var result = await host.Client.StartAsync(BiometricsStartRequest.ForUser("user-1"));

        Assert.Equal("c", result.Challenge);
        Assert.Equal(
            ["/gateway/transmit/oidc/token", "/gateway/transmit/cis/v1/auth/mobile-biometrics/start"],
            host.Server.LogEntries.OrderBy(e => e.RequestMessage!.DateTime).Select(e => e.RequestMessage!.Path));
    }

    public static TheoryData<BiometricsStartRequest?, string> InvalidStarts() => new()
    {
        { null, "request" },
        { new BiometricsStartRequest(), "exactly one" },
        { BiometricsStartRequest.ForUser("u") with { Identifier = "a@b.co", IdentifierType = "email" }, "exactly one" },
        { BiometricsStartRequest.ForUser(" "), "UserId is required" },
        { new BiometricsStartRequest { Identifier = "a@b.co" }, "IdentifierType is required" },
        { new BiometricsStartRequest { IdentifierType = "email" }, "Identifier is required" },
        { BiometricsStartRequest.ForUser("u") with { Timeout = 0 }, "Timeout" },
        { BiometricsStartRequest.ForUser("u") with { DeviceId = "" }, "DeviceId" },
        { BiometricsStartRequest.ForUser("u") with { ApprovalData = Enumerable.Range(0, 11).ToDictionary(i => $"k{i}", i => "v") }, "at most 10" },
        { BiometricsStartRequest.ForUser("u") with { ApprovalData = new Dictionary<string, string> { ["bad key"] = "v" } }, "key 'bad key'" },
        { BiometricsStartRequest.ForUser("u") with { ApprovalData = new Dictionary<string, string> { ["sum"] = "200 EUR" } }, "value of 'sum'" },
        { BiometricsStartRequest.ForUser("u") with { Claims = JsonDocument.Parse("[1]").RootElement }, "Claims" },
    };

    [Theory]
    [MemberData(nameof(InvalidStarts))]
    public async Task StartAsync_InvalidRequest_ThrowsArgumentExceptionAndSendsNothing(BiometricsStartRequest? request, string expected)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.StartAsync(request!));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task StartAsync_TenApprovalEntries_IsAccepted()
    {
        _host.GivenToken();
        _host.GivenStart();

        await _host.Client.StartAsync(BiometricsStartRequest.ForUser("u") with
        {
            ApprovalData = Enumerable.Range(0, 10).ToDictionary(i => $"k.{i}", i => $"v-{i}"),
        });

        Assert.Single(_host.Requests(TransmitTestHost.StartPath));
    }

    public static TheoryData<BiometricsAuthenticateRequest, string> InvalidAuthentications() => new()
    {
        { new BiometricsAuthenticateRequest { Signature = "", Challenge = "c", KeyId = "k", UserId = "u" }, "Signature" },
        { new BiometricsAuthenticateRequest { Signature = "s", Challenge = " ", KeyId = "k", UserId = "u" }, "Challenge" },
        { new BiometricsAuthenticateRequest { Signature = "s", Challenge = "c", KeyId = null!, UserId = "u" }, "KeyId" },
        { new BiometricsAuthenticateRequest { Signature = "s", Challenge = "c", KeyId = "k", UserId = "" }, "UserId" },
        { new BiometricsAuthenticateRequest { Signature = "s", Challenge = "c", KeyId = "k", UserId = "u", SessionId = " " }, "SessionId" },
    };

    [Theory]
    [MemberData(nameof(InvalidAuthentications))]
    public async Task AuthenticateAsync_InvalidRequest_ThrowsArgumentExceptionAndSendsNothing(BiometricsAuthenticateRequest request, string expected)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.AuthenticateAsync(request));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task RegisterAsync_InvalidInput_ThrowsArgumentExceptionAndSendsNothing()
    {
        var valid = new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk", Os = "iOS" };

        var noToken = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.RegisterAsync(null!, valid));
        var emptyToken = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.RegisterAsync(new Secret(""), valid));
        var noKey = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.RegisterAsync(new Secret(UserToken), valid with { PublicKey = "" }));
        var noOs = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.RegisterAsync(new Secret(UserToken), valid with { Os = " " }));
        var badType = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.RegisterAsync(new Secret(UserToken), valid with { EncryptionType = new EncryptionType("") }));

        Assert.Equal("userAccessToken", noToken.ParamName);
        Assert.Equal("userAccessToken", emptyToken.ParamName);
        Assert.Equal("request", noKey.ParamName);
        Assert.Contains("PublicKey", noKey.Message, StringComparison.Ordinal);
        Assert.Contains("Os", noOs.Message, StringComparison.Ordinal);
        Assert.Contains("EncryptionType", badType.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task DeleteAsync_InvalidInput_ThrowsArgumentExceptionAndSendsNothing()
    {
        var noToken = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.DeleteAsync(null!, "pk"));
        var noKey = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.DeleteAsync(new Secret(UserToken), " "));

        Assert.Equal("userAccessToken", noToken.ParamName);
        Assert.Equal("publicKeyId", noKey.ParamName);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task RawApi_RegisterWithoutUserToken_ThrowsAndSendsNothing()
    {
        var api = (ITransmitBiometricsApi)_host.Provider.GetService(typeof(ITransmitBiometricsApi))!;

        var ex = await Assert.ThrowsAsync<AuthClientException>(() =>
            api.RegisterAsync(new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk", Os = "iOS" }, null!));

        Assert.Contains("user's access token", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }
}
