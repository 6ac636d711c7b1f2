using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace AuthClient.Primitives;

/// <summary>
/// A secret string (password, token, OTP code, api key, client secret) that never prints itself.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> always returns <c>[redacted]</c>, so a secret inside a record, an exception message or a
/// log template cannot leak by accident. Call <see cref="Reveal"/> at the single place the raw value is needed.
/// Equality is ordinal and constant-time.
/// </remarks>
[JsonConverter(typeof(SecretJsonConverter))]
public sealed class Secret : IEquatable<Secret>
{
    private const string Redacted = "[redacted]";
    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/> as a secret.</summary>
    /// <param name="value">The raw secret value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets the empty secret (an unset key or password).</summary>
    public static Secret Empty { get; } = new(string.Empty);

    /// <summary>Gets the number of characters in the secret, for validation without revealing it.</summary>
    public int Length => _value.Length;

    /// <summary>Gets a value indicating whether the secret is empty.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>Returns the raw value. Call it only where the value leaves the process (a header or a body).</summary>
    /// <returns>The raw secret value.</returns>
    public string Reveal() => _value;

    /// <summary>Creates a secret from a string, or returns <see langword="null"/> for <see langword="null"/> or empty input.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The secret, or <see langword="null"/>.</returns>
    public static Secret? FromNullable(string? value) => string.IsNullOrEmpty(value) ? null : new Secret(value);

    /// <summary>Always returns <c>[redacted]</c>.</summary>
    /// <returns><c>[redacted]</c>.</returns>
    public override string ToString() => Redacted;

    /// <inheritdoc />
    public bool Equals(Secret? other) =>
        other is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares two secrets in constant time.</summary>
    /// <param name="left">The first secret.</param>
    /// <param name="right">The second secret.</param>
    /// <returns><see langword="true"/> when both hold the same value.</returns>
    public static bool operator ==(Secret? left, Secret? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two secrets in constant time.</summary>
    /// <param name="left">The first secret.</param>
    /// <param name="right">The second secret.</param>
    /// <returns><see langword="true"/> when the values differ.</returns>
    public static bool operator !=(Secret? left, Secret? right) => !(left == right);

    /// <summary>Wraps a string as a secret, so settings such as <c>options.Weavr.ApiKey = "…"</c> read naturally.</summary>
    /// <param name="value">The raw secret value.</param>
    public static implicit operator Secret(string value) => new(value);

    /// <summary>Wraps a string as a secret (the named alternative of the implicit conversion).</summary>
    /// <param name="value">The raw secret value.</param>
    /// <returns>The secret.</returns>
    public static Secret FromString(string value) => new(value);
}
