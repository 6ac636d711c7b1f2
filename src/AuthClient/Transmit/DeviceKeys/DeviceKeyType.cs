namespace AuthClient.Transmit.DeviceKeys;

/// <summary>The key types a Transmit mobile-biometrics device may register (the SDK's <c>keyType</c>).</summary>
public enum DeviceKeyType
{
    /// <summary>EC P-256, signing with ECDSA-SHA256 (DER, Base64). Wire value <c>ec</c>.</summary>
    Ec,

    /// <summary>RSA-2048, signing with RSASSA-PSS-SHA256 (Base64). Wire value <c>rsa</c>.</summary>
    Rsa,
}
