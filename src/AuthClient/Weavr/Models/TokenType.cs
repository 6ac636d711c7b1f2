using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The type of a token returned by a Weavr login. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<TokenType>))]
public readonly record struct TokenType : IOpenEnum<TokenType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="TokenType"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>NO_TYPE</c>.</param>
    public TokenType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>NO_TYPE</c>: no type.</summary>
    public static TokenType NoType { get; } = new("NO_TYPE");

    /// <summary>Gets <c>AUTH</c>: an AUTH token, usable only on <c>/identities</c> and <c>/access_token</c>.</summary>
    public static TokenType Auth { get; } = new("AUTH");

    /// <summary>Gets <c>ACCESS</c>: an ACCESS token.</summary>
    public static TokenType Access { get; } = new("ACCESS");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "NO_TYPE" or "AUTH" or "ACCESS";

    /// <inheritdoc />
    public static TokenType FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
