using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Transmit.Models;

/// <summary>
/// The key type of a mobile-biometrics authenticator (<c>encryptionType</c> on the wire, the SDK's <c>keyType</c>).
/// Open: a value Transmit adds later deserializes and keeps its text.
/// </summary>
[JsonConverter(typeof(OpenEnumJsonConverter<EncryptionType>))]
public readonly record struct EncryptionType : IOpenEnum<EncryptionType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="EncryptionType"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>ec</c>.</param>
    public EncryptionType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>rsa</c>: an RSA key.</summary>
    public static EncryptionType Rsa { get; } = new("rsa");

    /// <summary>Gets <c>ec</c>: an elliptic-curve key.</summary>
    public static EncryptionType Ec { get; } = new("ec");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "rsa" or "ec";

    /// <inheritdoc />
    public static EncryptionType FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
