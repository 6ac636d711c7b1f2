using AuthClient.Transmit.DeviceKeys;

namespace AuthClient.Tests.Transmit.DeviceKeys;

public sealed class DeviceSignatureVerifierTests
{
    private const string Challenge = "tx-1234:pay 200 EUR to ACME";

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public void Verify_SignatureOfTheChallenge_ReturnsTrue(DeviceKeyType type)
    {
        using var keys = DeviceKeyPair.Create(type);

        Assert.True(DeviceSignatureVerifier.Verify(keys.PublicKeyPem, type, Challenge, keys.Sign(Challenge)));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public void Verify_TamperedChallenge_ReturnsFalse(DeviceKeyType type)
    {
        using var keys = DeviceKeyPair.Create(type);
        var signature = keys.Sign(Challenge);

        Assert.False(DeviceSignatureVerifier.Verify(keys.PublicKeyPem, type, Challenge + " ", signature));
        Assert.False(DeviceSignatureVerifier.Verify(keys.PublicKeyPem, type, Challenge.Replace("200", "900", StringComparison.Ordinal), signature));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public void Verify_TamperedSignature_ReturnsFalse(DeviceKeyType type)
    {
        using var keys = DeviceKeyPair.Create(type);
        var bytes = Convert.FromBase64String(keys.Sign(Challenge));
        bytes[^1] ^= 0x01;

        Assert.False(DeviceSignatureVerifier.Verify(keys.PublicKeyPem, type, Challenge, Convert.ToBase64String(bytes)));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public void Verify_SignatureFromAnotherKeyOfTheSameType_ReturnsFalse(DeviceKeyType type)
    {
        using var registered = DeviceKeyPair.Create(type);
        using var other = DeviceKeyPair.Create(type);

        Assert.False(DeviceSignatureVerifier.Verify(registered.PublicKeyPem, type, Challenge, other.Sign(Challenge)));
    }

    [Fact]
    public void Verify_KeysAndSignaturesOfTheOtherType_ReturnFalse()
    {
        using var ec = DeviceKeyPair.Create(DeviceKeyType.Ec);
        using var rsa = DeviceKeyPair.Create(DeviceKeyType.Rsa);

        // A signature made by the other key type.
        Assert.False(DeviceSignatureVerifier.Verify(ec.PublicKeyPem, DeviceKeyType.Ec, Challenge, rsa.Sign(Challenge)));
        Assert.False(DeviceSignatureVerifier.Verify(rsa.PublicKeyPem, DeviceKeyType.Rsa, Challenge, ec.Sign(Challenge)));

        // A key registered under the wrong type, even with its own valid signature.
        Assert.False(DeviceSignatureVerifier.Verify(ec.PublicKeyPem, DeviceKeyType.Rsa, Challenge, ec.Sign(Challenge)));
        Assert.False(DeviceSignatureVerifier.Verify(rsa.PublicKeyPem, DeviceKeyType.Ec, Challenge, rsa.Sign(Challenge)));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec, "not base64 at all!")]
    [InlineData(DeviceKeyType.Rsa, "%%%")]
    [InlineData(DeviceKeyType.Ec, "")]
    [InlineData(DeviceKeyType.Rsa, "")]
    [InlineData(DeviceKeyType.Ec, "AAAA")]
    [InlineData(DeviceKeyType.Rsa, "AAAA")]
    public void Verify_GarbageSignature_ReturnsFalse(DeviceKeyType type, string signature)
    {
        using var keys = DeviceKeyPair.Create(type);

        Assert.False(DeviceSignatureVerifier.Verify(keys.PublicKeyPem, type, Challenge, signature));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public void Verify_MalformedPem_ReturnsFalse(DeviceKeyType type)
    {
        using var keys = DeviceKeyPair.Create(type);

        Assert.False(DeviceSignatureVerifier.Verify("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", type, Challenge, keys.Sign(Challenge)));
        Assert.False(DeviceSignatureVerifier.Verify("not a pem", type, Challenge, keys.Sign(Challenge)));
    }

    [Fact]
    public void Verify_NullArgumentsOrUnknownKeyType_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => DeviceSignatureVerifier.Verify(null!, DeviceKeyType.Ec, "c", "s"));
        Assert.Throws<ArgumentNullException>(() => DeviceSignatureVerifier.Verify("pem", DeviceKeyType.Ec, null!, "s"));
        Assert.Throws<ArgumentNullException>(() => DeviceSignatureVerifier.Verify("pem", DeviceKeyType.Ec, "c", null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceSignatureVerifier.Verify("pem", (DeviceKeyType)7, "c", "s"));
    }
}
