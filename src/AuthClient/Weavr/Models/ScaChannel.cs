using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The channel of an authentication factor or challenge. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<ScaChannel>))]
public readonly record struct ScaChannel : IOpenEnum<ScaChannel>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="ScaChannel"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>SMS</c>.</param>
    public ScaChannel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>SMS</c>: SMS one-time passwords.</summary>
    public static ScaChannel Sms { get; } = new("SMS");

    /// <summary>Gets <c>AUTHY</c>: Twilio Authy push.</summary>
    public static ScaChannel Authy { get; } = new("AUTHY");

    /// <summary>Gets <c>BIOMETRIC</c>: the embedder's mobile app (biometrics).</summary>
    public static ScaChannel Biometric { get; } = new("BIOMETRIC");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "SMS" or "AUTHY" or "BIOMETRIC";

    /// <inheritdoc />
    public static ScaChannel FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
