using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Webhooks;

/// <summary>The outcome a login or step-up webhook reports. Open: a value added by the server later deserializes and keeps its text.</summary>
[JsonConverter(typeof(OpenEnumJsonConverter<WebhookChallengeStatus>))]
public readonly record struct WebhookChallengeStatus : IOpenEnum<WebhookChallengeStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a new instance of the <see cref="WebhookChallengeStatus"/> struct from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>VERIFIED</c>.</param>
    public WebhookChallengeStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>VERIFIED</c>: the user approved.</summary>
    public static WebhookChallengeStatus Verified { get; } = new("VERIFIED");

    /// <summary>Gets <c>DECLINED</c>: the user declined.</summary>
    public static WebhookChallengeStatus Declined { get; } = new("DECLINED");

    /// <summary>Gets <c>EXPIRED</c>: the user did not answer in time.</summary>
    public static WebhookChallengeStatus Expired { get; } = new("EXPIRED");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Value is "VERIFIED" or "DECLINED" or "EXPIRED";

    /// <inheritdoc />
    public static WebhookChallengeStatus FromValue(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
