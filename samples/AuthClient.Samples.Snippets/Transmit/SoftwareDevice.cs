#region transmit-device-key
using AuthClient.Transmit.DeviceKeys;

namespace MyApp;

public static class SoftwareDevice
{
    // Tests and samples only: a real device's private key stays in its secure hardware.
    public static bool SignAndVerify(string challenge)
    {
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        var signature = device.Sign(challenge);
        return DeviceSignatureVerifier.Verify(device.PublicKeyPem, DeviceKeyType.Ec, challenge, signature);
    }
}
#endregion
