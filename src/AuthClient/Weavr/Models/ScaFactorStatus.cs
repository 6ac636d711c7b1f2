using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The enrolment status of an authentication factor. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<ScaFactorStatus>))]
public readonly record struct ScaFactorStatus : IOpenEnum<ScaFactorStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="ScaFactorStatus"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>PENDING_VERIFICATION</c>.</param>
    public ScaFactorStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>PENDING_VERIFICATION</c>: enrolment started, not yet verified.</summary>
    public static ScaFactorStatus PendingVerification { get; } = new("PENDING_VERIFICATION");

    /// <summary>Gets <c>ACTIVE</c>: enrolled and usable.</summary>
    public static ScaFactorStatus Active { get; } = new("ACTIVE");

    /// <summary>Gets <c>INACTIVE</c>: the user rejected enrolment.</summary>
    public static ScaFactorStatus Inactive { get; } = new("INACTIVE");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "PENDING_VERIFICATION" or "ACTIVE" or "INACTIVE";

    /// <inheritdoc />
    public static ScaFactorStatus FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
