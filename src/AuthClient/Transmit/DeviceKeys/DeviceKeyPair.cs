using System.Security.Cryptography;
using System.Text;

namespace AuthClient.Transmit.DeviceKeys;

/// <summary>
/// A software device key pair that behaves like the Transmit mobile SDK's key (EC P-256 or RSA-2048, PEM public key,
/// Base64 signatures over the UTF-8 challenge; algorithms inferred from the SDK). Not for production devices: it is
/// for tests, samples and emulators only, since a real device keeps its private key in secure hardware behind
/// biometrics. <see cref="ToString"/> never prints the private key.
/// </summary>
public sealed class DeviceKeyPair : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;

    private DeviceKeyPair(DeviceKeyType keyType, ECDsa? ec, RSA? rsa)
    {
        KeyType = keyType;
        _ec = ec;
        _rsa = rsa;
        PublicKeyPem = ec?.ExportSubjectPublicKeyInfoPem() ?? rsa!.ExportSubjectPublicKeyInfoPem();
        PublicKeyId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PublicKeyPem)), 0, 16).ToLowerInvariant();
    }

    /// <summary>Gets the key type.</summary>
    public DeviceKeyType KeyType { get; }

    /// <summary>Gets the wire value of the key type: <c>ec</c> or <c>rsa</c>.</summary>
    public string EncryptionType => KeyType == DeviceKeyType.Ec ? "ec" : "rsa";

    /// <summary>Gets the public key as PEM (SubjectPublicKeyInfo).</summary>
    public string PublicKeyPem { get; }

    /// <summary>Gets a stable id derived from the public key (what the SDK reports as <c>publicKeyId</c>).</summary>
    public string PublicKeyId { get; }

    /// <summary>Creates a new key pair.</summary>
    /// <param name="keyType">EC P-256 or RSA-2048.</param>
    /// <returns>The key pair.</returns>
    public static DeviceKeyPair Create(DeviceKeyType keyType) => keyType switch
    {
        DeviceKeyType.Ec => new DeviceKeyPair(keyType, ECDsa.Create(ECCurve.NamedCurves.nistP256), null),
        DeviceKeyType.Rsa => new DeviceKeyPair(keyType, null, RSA.Create(2048)),
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown key type."),
    };

    /// <summary>Signs a challenge the way the device SDK does.</summary>
    /// <param name="challenge">The challenge string (signed as UTF-8).</param>
    /// <returns>The Base64 signature (ECDSA: DER-encoded; RSA: PSS).</returns>
    public string Sign(string challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var data = Encoding.UTF8.GetBytes(challenge);
        var signature = _ec is not null
            ? _ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            : _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return Convert.ToBase64String(signature);
    }

    /// <summary>Returns a description without key material.</summary>
    /// <returns>The key type and public key id.</returns>
    public override string ToString() => $"DeviceKeyPair {{ KeyType = {KeyType}, PublicKeyId = {PublicKeyId} }}";

    /// <inheritdoc />
    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }
}
