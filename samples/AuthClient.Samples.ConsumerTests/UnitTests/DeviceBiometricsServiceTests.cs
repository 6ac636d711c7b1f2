using AuthClient.Primitives;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing.Fakes;
using AuthClient.Transmit.Models;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of the app's <see cref="DeviceBiometricsService"/> with a <see cref="FakeTransmitBiometricsClient"/>.</summary>
public sealed class DeviceBiometricsServiceTests
{
    private readonly FakeTransmitBiometricsClient _transmit = new();
    private readonly DeviceBiometricsService _biometrics;

    public DeviceBiometricsServiceTests() => _biometrics = new DeviceBiometricsService(_transmit);

    [Fact]
    public async Task CompleteAsync_TransmitAcceptsTheSignature_ReturnsTheUserAccessToken()
    {
        _transmit.OnAuthenticate = _ => TransmitResults.Tokens("user-access-token");

        var result = await _biometrics.CompleteAsync("user-1", "ch-1", "key-1", "sig");

        Assert.Equal(new BiometricSignInResult(true, new Secret("user-access-token"), null), result);
        Assert.Equal(
            new BiometricsAuthenticateRequest { UserId = "user-1", Challenge = "ch-1", KeyId = "key-1", Signature = "sig" },
            Assert.Single(_transmit.Calls).AuthenticateRequest);
    }

    [Fact]
    public async Task CompleteAsync_BadSignature_ReturnsRejectedWithTransmitsCode()
    {
        _transmit.OnAuthenticate = _ => throw TransmitErrors.BadRequest("auth_invalid_signature");

        var result = await _biometrics.CompleteAsync("user-1", "ch-1", "key-1", "forged");

        Assert.Equal(new BiometricSignInResult(false, null, "auth_invalid_signature"), result);
    }

    [Fact]
    public async Task BeginAsync_ReturnsTransmitsChallengeForTheUser()
    {
        _transmit.OnStart = _ => TransmitResults.Challenge("ch-1");

        Assert.Equal("ch-1", await _biometrics.BeginAsync("user-1"));
        Assert.Equal(BiometricsStartRequest.ForUser("user-1"), Assert.Single(_transmit.Calls).StartRequest);
    }
}
