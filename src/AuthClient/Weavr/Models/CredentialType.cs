using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The type of a Weavr credential. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<CredentialType>))]
public readonly record struct CredentialType : IOpenEnum<CredentialType>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="CredentialType"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>ROOT</c>.</param>
    public CredentialType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>ROOT</c>: the root user of an identity.</summary>
    public static CredentialType Root { get; } = new("ROOT");

    /// <summary>Gets <c>USER</c>: an authorised user.</summary>
    public static CredentialType User { get; } = new("USER");

    /// <summary>Gets <c>API_CLIENT</c>: an API client.</summary>
    public static CredentialType ApiClient { get; } = new("API_CLIENT");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "ROOT" or "USER" or "API_CLIENT";

    /// <inheritdoc />
    public static CredentialType FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
