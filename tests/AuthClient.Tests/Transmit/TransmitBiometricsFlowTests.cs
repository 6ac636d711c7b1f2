using System.Collections.Concurrent;
using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.DeviceKeys;
using AuthClient.Transmit.Models;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace AuthClient.Tests.Transmit;

/// <summary>
/// Register → start → device signs → authenticate, against a WireMock Transmit that verifies the signature with the
/// registered public key the way Transmit does: proves the client forwards the SDK's strings untouched.
/// </summary>
public sealed class TransmitBiometricsFlowTests : IDisposable
{
    private const string UserToken = "user-token-for-registration";
    private readonly TransmitTestHost _host = new();
    private readonly ConcurrentDictionary<string, (string Pem, DeviceKeyType Type)> _registered = new();

    public TransmitBiometricsFlowTests()
    {
        _host.GivenToken();
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                using var body = JsonDocument.Parse(request.Body!);
                var root = body.RootElement;
                var type = root.GetProperty("encryptionType").GetString() == "ec" ? DeviceKeyType.Ec : DeviceKeyType.Rsa;
                _registered[root.GetProperty("publicKeyId").GetString()!] = (root.GetProperty("publicKey").GetString()!, type);
                return Json(200, "{}");
            }));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.StartPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(_ => Json(200, """{"challenge":"server-challenge-9f8e"}""")));
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.AuthenticatePath).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                using var body = JsonDocument.Parse(request.Body!);
                var root = body.RootElement;
                var valid = _registered.TryGetValue(root.GetProperty("key_id").GetString()!, out var key) &&
                    DeviceSignatureVerifier.Verify(key.Pem, key.Type, root.GetProperty("challenge").GetString()!, root.GetProperty("signature").GetString()!);
                return valid
                    ? Json(200, """{"access_token":"user-at","token_type":"Bearer","expires_in":3600,"session_id":"sess"}""")
                    : Json(400, """{"error_code":"auth_invalid_credentials","message":"Signature verification failed"}""");
            }));
    }

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public async Task RegisterStartAuthenticate_DeviceSignature_IsAcceptedByTransmit(DeviceKeyType type)
    {
        using var device = DeviceKeyPair.Create(type);
        var client = _host.Client;

        await client.RegisterAsync(new Secret(UserToken), new BiometricsRegisterRequest
        {
            PublicKey = device.PublicKeyPem,
            PublicKeyId = device.PublicKeyId,
            EncryptionType = new EncryptionType(device.EncryptionType),
            Os = "iOS",
        });
        var start = await client.StartAsync(BiometricsStartRequest.ForUser("user-1"));
        var tokens = await client.AuthenticateAsync(new BiometricsAuthenticateRequest
        {
            Signature = device.Sign(start.Challenge),
            Challenge = start.Challenge,
            KeyId = device.PublicKeyId,
            UserId = "user-1",
        });

        Assert.Equal("user-at", tokens.AccessToken.Reveal());
        Assert.Equal("sess", tokens.SessionId);
    }

    [Fact]
    public async Task Authenticate_SignatureFromAnUnregisteredDevice_IsRejected()
    {
        using var registered = DeviceKeyPair.Create(DeviceKeyType.Ec);
        using var impostor = DeviceKeyPair.Create(DeviceKeyType.Ec);
        var client = _host.Client;
        await client.RegisterAsync(new Secret(UserToken), new BiometricsRegisterRequest
        {
            PublicKey = registered.PublicKeyPem,
            PublicKeyId = registered.PublicKeyId,
            EncryptionType = EncryptionType.Ec,
            Os = "Android",
        });
        var start = await client.StartAsync(BiometricsStartRequest.ForUser("user-1"));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => client.AuthenticateAsync(new BiometricsAuthenticateRequest
        {
            Signature = impostor.Sign(start.Challenge),
            Challenge = start.Challenge,
            KeyId = registered.PublicKeyId,
            UserId = "user-1",
        }));

        Assert.Equal("auth_invalid_credentials", ex.ErrorCode);
        Assert.Equal(["Signature verification failed"], ex.Messages);
    }

    private static ResponseMessage Json(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
