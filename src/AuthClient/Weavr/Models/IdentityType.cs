using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The type of a Weavr identity. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<IdentityType>))]
public readonly record struct IdentityType : IOpenEnum<IdentityType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="IdentityType"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>CONSUMER</c>.</param>
    public IdentityType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>CONSUMER</c>: a consumer identity.</summary>
    public static IdentityType Consumer { get; } = new("CONSUMER");

    /// <summary>Gets <c>CORPORATE</c>: a corporate identity.</summary>
    public static IdentityType Corporate { get; } = new("CORPORATE");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "CONSUMER" or "CORPORATE";

    /// <inheritdoc />
    public static IdentityType FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
