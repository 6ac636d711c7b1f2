using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The kind of an additional authentication factor. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<ScaChallengeType>))]
public readonly record struct ScaChallengeType : IOpenEnum<ScaChallengeType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="ScaChallengeType"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>OTP</c>.</param>
    public ScaChallengeType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>OTP</c>: a one-time password sent by SMS.</summary>
    public static ScaChallengeType Otp { get; } = new("OTP");

    /// <summary>Gets <c>PUSH</c>: a push notification (Twilio Authy).</summary>
    public static ScaChallengeType Push { get; } = new("PUSH");

    /// <summary>Gets <c>BIOMETRIC</c>: a push to the embedder's mobile app with biometrics.</summary>
    public static ScaChallengeType Biometric { get; } = new("BIOMETRIC");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "OTP" or "PUSH" or "BIOMETRIC";

    /// <inheritdoc />
    public static ScaChallengeType FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
