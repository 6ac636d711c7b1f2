using System.Security.Cryptography;
using System.Text;
using AuthClient.Transmit.DeviceKeys;

namespace AuthClient.Tests.Transmit.DeviceKeys;

public sealed class DeviceKeyPairTests
{
    [Fact]
    public void Create_Ec_IsP256WithPemSpkiPublicKey()
    {
        using var keys = DeviceKeyPair.Create(DeviceKeyType.Ec);
        using var imported = ECDsa.Create();

        imported.ImportFromPem(keys.PublicKeyPem);

        Assert.Equal(DeviceKeyType.Ec, keys.KeyType);
        Assert.Equal("ec", keys.EncryptionType);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", keys.PublicKeyPem, StringComparison.Ordinal);
        Assert.Equal(256, imported.KeySize);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, imported.ExportParameters(false).Curve.Oid.Value);
    }

    [Fact]
    public void Create_Rsa_Is2048BitsWithPemSpkiPublicKey()
    {
        using var keys = DeviceKeyPair.Create(DeviceKeyType.Rsa);
        using var imported = RSA.Create();

        imported.ImportFromPem(keys.PublicKeyPem);

        Assert.Equal(DeviceKeyType.Rsa, keys.KeyType);
        Assert.Equal("rsa", keys.EncryptionType);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", keys.PublicKeyPem, StringComparison.Ordinal);
        Assert.Equal(2048, imported.KeySize);
    }

    [Fact]
    public void Create_UndefinedKeyType_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceKeyPair.Create((DeviceKeyType)7));
    }

    [Theory]
    [InlineData(DeviceKeyType.Ec)]
    [InlineData(DeviceKeyType.Rsa)]
    public void PublicKeyId_IsStableHexPerKeyAndDiffersBetweenKeys(DeviceKeyType type)
    {
        using var first = DeviceKeyPair.Create(type);
        using var second = DeviceKeyPair.Create(type);

        Assert.Matches("^[0-9a-f]{32}$", first.PublicKeyId);
        Assert.Equal(first.PublicKeyId, first.PublicKeyId);
        Assert.NotEqual(first.PublicKeyId, second.PublicKeyId);
    }

    [Fact]
    public void Sign_Ec_ProducesBase64DerEcdsaSha256OverUtf8Challenge()
    {
        using var keys = DeviceKeyPair.Create(DeviceKeyType.Ec);
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(keys.PublicKeyPem);
        const string challenge = "chällenge-€";

        var signature = Convert.FromBase64String(keys.Sign(challenge));

        Assert.Equal(0x30, signature[0]); // DER SEQUENCE.
        Assert.True(verifier.VerifyData(Encoding.UTF8.GetBytes(challenge), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Sign_Rsa_ProducesBase64PssSha256OverUtf8Challenge()
    {
        using var keys = DeviceKeyPair.Create(DeviceKeyType.Rsa);
        using var verifier = RSA.Create();
        verifier.ImportFromPem(keys.PublicKeyPem);
        const string challenge = "chällenge-€";

        var signature = Convert.FromBase64String(keys.Sign(challenge));

        Assert.Equal(256, signature.Length);
        Assert.True(verifier.VerifyData(Encoding.UTF8.GetBytes(challenge), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.False(verifier.VerifyData(Encoding.UTF8.GetBytes(challenge), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Sign_NullChallenge_Throws()
    {
        using var keys = DeviceKeyPair.Create(DeviceKeyType.Ec);

        Assert.Throws<ArgumentNullException>(() => keys.Sign(null!));
    }

    [Fact]
    public void ToString_ShowsNoKeyMaterial()
    {
        using var keys = DeviceKeyPair.Create(DeviceKeyType.Ec);

        var text = keys.ToString();

        Assert.Equal($"DeviceKeyPair {{ KeyType = Ec, PublicKeyId = {keys.PublicKeyId} }}", text);
        Assert.DoesNotContain("BEGIN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_AfterDispose_Throws()
    {
        var keys = DeviceKeyPair.Create(DeviceKeyType.Ec);
        keys.Dispose();

        Assert.Throws<ObjectDisposedException>(() => keys.Sign("c"));
    }
}
