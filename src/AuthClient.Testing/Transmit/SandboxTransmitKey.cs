using AuthClient.Transmit.DeviceKeys;

namespace AuthClient.Testing.Transmit;

/// <summary>A public key registered with the sandbox's Transmit <c>/register</c>.</summary>
public sealed record SandboxTransmitKey
{
    /// <summary>Gets the user the key belongs to.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the key id (<c>publicKeyId</c>).</summary>
    public required string PublicKeyId { get; init; }

    /// <summary>Gets the PEM public key as registered.</summary>
    public required string PublicKey { get; init; }

    /// <summary>Gets the key type (<c>encryptionType</c>, or detected from the key when omitted).</summary>
    public required DeviceKeyType KeyType { get; init; }

    /// <summary>Gets the <c>os</c> the device reported.</summary>
    public required string Os { get; init; }

    /// <summary>Gets the optional <c>device_id</c>.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Gets the optional <c>displayName</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets when it was registered (sandbox time).</summary>
    public required DateTimeOffset RegisteredAt { get; init; }
}
