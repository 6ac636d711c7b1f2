using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing;
using AuthClient.Transmit.DeviceKeys;
using AuthClient.Transmit.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Samples.ConsumerTests.FlowTests;

/// <summary>The app's <see cref="DeviceBiometricsService"/> against the emulated Transmit, with a software device key.</summary>
public sealed class DeviceBiometricsFlowTests
{
    private const string Email = "ada@example.com";

    [Fact]
    public async Task CompleteAsync_ChallengeSignedByTheRegisteredDevice_SignsTheUserIn()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email)));
        await using var app = TestApp.Create(sandbox);
        var biometrics = app.GetRequiredService<DeviceBiometricsService>();
        var userId = sandbox.GetUser(Email).TransmitUserId;
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec); // stands in for the phone's secure key

        await biometrics.RegisterDeviceAsync(sandbox.Transmit.IssueUserToken(userId), device.PublicKeyPem, device.PublicKeyId, EncryptionType.Ec);
        var challenge = await biometrics.BeginAsync(userId);
        var result = await biometrics.CompleteAsync(userId, challenge, device.PublicKeyId, device.Sign(challenge));

        Assert.True(result.Succeeded);
        Assert.NotNull(result.AccessToken);
    }

    [Fact]
    public async Task CompleteAsync_ChallengeSignedByAnotherKey_IsRejected()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email(Email)));
        await using var app = TestApp.Create(sandbox);
        var biometrics = app.GetRequiredService<DeviceBiometricsService>();
        var userId = sandbox.GetUser(Email).TransmitUserId;
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        using var stranger = DeviceKeyPair.Create(DeviceKeyType.Ec);

        await biometrics.RegisterDeviceAsync(sandbox.Transmit.IssueUserToken(userId), device.PublicKeyPem, device.PublicKeyId, EncryptionType.Ec);
        var challenge = await biometrics.BeginAsync(userId);
        var result = await biometrics.CompleteAsync(userId, challenge, device.PublicKeyId, stranger.Sign(challenge));

        Assert.Equal(new BiometricSignInResult(false, null, "auth_invalid_signature"), result);
    }
}
