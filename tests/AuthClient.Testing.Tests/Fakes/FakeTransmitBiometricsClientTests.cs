using AuthClient.Primitives;
using AuthClient.Testing.Fakes;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace AuthClient.Testing.Tests.Fakes;

public sealed class FakeTransmitBiometricsClientTests
{
    private static readonly Secret UserToken = new("user-access-token");
    private static readonly BiometricsRegisterRequest Register = new() { PublicKey = "PEM", PublicKeyId = "key-1", Os = "iOS", EncryptionType = EncryptionType.Ec };
    private readonly FakeTransmitBiometricsClient _fake = new();

    [Fact]
    public async Task AllOperations_Configured_ReturnTheResultsAndRecordTheCalls()
    {
        var authenticate = new BiometricsAuthenticateRequest { UserId = "user-1", Challenge = "ch-1", KeyId = "key-1", Signature = "sig" };
        var registered = new List<string>();
        _fake.OnStart = r => TransmitResults.Challenge("ch-for-" + r.UserId);
        _fake.OnAuthenticate = _ => TransmitResults.Tokens("user-access-token");
        _fake.OnRegister = (_, r) => registered.Add(r.PublicKeyId);
        _fake.OnDelete = (_, id) => registered.Remove(id);

        var start = await _fake.StartAsync(BiometricsStartRequest.ForUser("user-1"));
        var tokens = await _fake.AuthenticateAsync(authenticate);
        await _fake.RegisterAsync(UserToken, Register);
        await _fake.DeleteAsync(UserToken, "key-1");

        Assert.Equal(("ch-for-user-1", UserToken), (start.Challenge, tokens.AccessToken));
        Assert.Empty(registered);
        Assert.Equal(
            [
                new TransmitCall(TransmitOperation.Start) { StartRequest = BiometricsStartRequest.ForUser("user-1") },
                new TransmitCall(TransmitOperation.Authenticate) { AuthenticateRequest = authenticate },
                new TransmitCall(TransmitOperation.Register) { UserAccessToken = UserToken, RegisterRequest = Register },
                new TransmitCall(TransmitOperation.Delete) { UserAccessToken = UserToken, PublicKeyId = "key-1" },
            ],
            _fake.Calls);
        Assert.Single(_fake.CallsTo(TransmitOperation.Delete));
    }

    [Fact]
    public async Task Calls_ToString_NeverPrintsTheUserAccessToken()
    {
        _fake.OnDelete = (_, _) => { };

        await _fake.DeleteAsync(UserToken, "key-1");

        Assert.Equal("Delete { UserAccessToken = [redacted], PublicKeyId = key-1 }", _fake.Calls[0].ToString());
    }

    [Fact]
    public async Task RegisterAsync_NotConfigured_FailsNamingTheHandler()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => _fake.RegisterAsync(UserToken, Register));

        Assert.Equal("FakeTransmitBiometricsClient.RegisterAsync was called but is not configured: set FakeTransmitBiometricsClient.OnRegister to return a result or throw an error.", e.Message);
        Assert.Equal(TransmitOperation.Register, Assert.Single(_fake.Calls).Operation);
    }

    [Fact]
    public async Task AuthenticateAsync_HandlerThrows_FailsTheTaskWithThatException()
    {
        var rejected = TransmitErrors.BadRequest("auth_invalid_signature");
        _fake.OnAuthenticate = _ => throw rejected;

        var thrown = await Assert.ThrowsAsync<TransmitApiException>(() =>
            _fake.AuthenticateAsync(new BiometricsAuthenticateRequest { UserId = "u", Challenge = "c", KeyId = "k", Signature = "s" }));

        Assert.Same(rejected, thrown);
    }

    [Fact]
    public void Tokens_DefaultsAndOptionalTokens()
    {
        var tokens = TransmitResults.Tokens(idToken: "id-token", sessionId: "s-1");

        Assert.Equal(
            (new Secret(TransmitResults.DefaultUserAccessToken), new Secret("id-token"), null, "Bearer", 3600, "s-1"),
            (tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.TokenType, tokens.ExpiresIn, tokens.SessionId));
        Assert.DoesNotContain("id-token", tokens.ToString(), StringComparison.Ordinal);
    }
}
