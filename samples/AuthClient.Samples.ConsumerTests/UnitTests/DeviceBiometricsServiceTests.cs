using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of the app's <see cref="DeviceBiometricsService"/> with a mocked <see cref="ITransmitBiometricsClient"/>.</summary>
public sealed class DeviceBiometricsServiceTests
{
    private readonly ITransmitBiometricsClient _transmit = Substitute.For<ITransmitBiometricsClient>();
    private readonly DeviceBiometricsService _biometrics;

    public DeviceBiometricsServiceTests() => _biometrics = new DeviceBiometricsService(_transmit);

    [Fact]
    public async Task CompleteAsync_TransmitAcceptsTheSignature_ReturnsTheUserAccessToken()
    {
        _transmit.AuthenticateAsync(Arg.Is<BiometricsAuthenticateRequest>(r => r.UserId == "user-1" && r.Challenge == "ch-1" && r.KeyId == "key-1" && r.Signature == "sig"), Arg.Any<CancellationToken>())
            .Returns(new BiometricsTokens { AccessToken = new Secret("user-access-token") });

        var result = await _biometrics.CompleteAsync("user-1", "ch-1", "key-1", "sig");

        Assert.Equal(new BiometricSignInResult(true, new Secret("user-access-token"), null), result);
    }

    [Fact]
    public async Task CompleteAsync_BadSignature_ReturnsRejectedWithTransmitsCode()
    {
        var details = new ApiErrorDetails { Api = "Transmit", Method = "POST", Path = "/v1/auth/mobile-biometrics/authenticate", StatusCode = HttpStatusCode.BadRequest };
        _transmit.AuthenticateAsync(default!).ThrowsAsyncForAnyArgs(new TransmitApiException(details, tsErrorCode: "auth_invalid_signature"));

        var result = await _biometrics.CompleteAsync("user-1", "ch-1", "key-1", "forged");

        Assert.Equal(new BiometricSignInResult(false, null, "auth_invalid_signature"), result);
    }

    [Fact]
    public async Task BeginAsync_ReturnsTransmitsChallengeForTheUser()
    {
        _transmit.StartAsync(Arg.Is<BiometricsStartRequest>(r => r.UserId == "user-1"), Arg.Any<CancellationToken>())
            .Returns(new BiometricsStartResponse { Challenge = "ch-1" });

        Assert.Equal("ch-1", await _biometrics.BeginAsync("user-1"));
    }
}
