using System.Security.Cryptography;
using System.Text;

namespace AuthClient.Transmit.DeviceKeys;

/// <summary>
/// Verifies a device signature against a PEM public key, as Transmit does on <c>/authenticate</c>. For tests and
/// emulators only: in production Transmit verifies, and the backend forwards the SDK's strings untouched. The
/// algorithms (ECDSA-SHA256 DER, RSASSA-PSS-SHA256) are inferred from the SDK, not documented by Transmit.
/// </summary>
public static class DeviceSignatureVerifier
{
    /// <summary>Returns whether <paramref name="signatureBase64"/> is a valid signature of <paramref name="challenge"/>.</summary>
    /// <param name="publicKeyPem">The registered PEM (SPKI) public key.</param>
    /// <param name="keyType">The key type it was registered with.</param>
    /// <param name="challenge">The challenge that was signed.</param>
    /// <param name="signatureBase64">The Base64 signature.</param>
    /// <returns><see langword="true"/> when the signature verifies; <see langword="false"/> for a wrong, malformed or foreign signature.</returns>
    public static bool Verify(string publicKeyPem, DeviceKeyType keyType, string challenge, string signatureBase64)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(signatureBase64);
        if (keyType is not (DeviceKeyType.Ec or DeviceKeyType.Rsa))
        {
            throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown key type.");
        }

        var data = Encoding.UTF8.GetBytes(challenge);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            if (keyType == DeviceKeyType.Ec)
            {
                using var ec = ECDsa.Create();
                ec.ImportFromPem(publicKeyPem);
                return ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(publicKeyPem);
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
        catch (CryptographicException)
        {
            return false; // A key of the other type, or malformed PEM.
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
