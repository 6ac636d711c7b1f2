using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The strength of a Weavr ACCESS token. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<AccessTokenStatus>))]
public readonly record struct AccessTokenStatus : IOpenEnum<AccessTokenStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="AccessTokenStatus"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>STANDARD</c>.</param>
    public AccessTokenStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>STANDARD</c>: a standard ACCESS token.</summary>
    public static AccessTokenStatus Standard { get; } = new("STANDARD");

    /// <summary>Gets <c>STEPPED_UP</c>: a token that passed step-up (strong customer authentication).</summary>
    public static AccessTokenStatus SteppedUp { get; } = new("STEPPED_UP");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "STANDARD" or "STEPPED_UP";

    /// <inheritdoc />
    public static AccessTokenStatus FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
