using AuthClient.Primitives;
using System.Text.Json.Serialization;
namespace AuthClient.Webhooks;

/// <summary>Webhook receiver settings. Defaults are in <see cref="WeavrWebhookDefaults"/>.</summary>
public sealed class WeavrWebhookOptions
{
    /// <summary>The configuration section name, under the <c>AuthClient</c> section, used by the <c>IConfiguration</c> overload.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Gets or sets the key the <c>signature-v2</c> HMAC is computed with. Default (<see langword="null"/> or empty): the Weavr
    /// api key of <c>AuthClientOptions.Weavr.ApiKey</c>. Set it when that is not the signing key, e.g. with several API
    /// clients Weavr signs with the <b>oldest</b> client's key. Never logged.
    /// </summary>
    [JsonIgnore]
    public Secret? SigningKey { get; set; }

    /// <summary>Gets or sets how far <c>published-timestamp</c> may be from now, past or future (inclusive). Default 5 minutes; at most 1 day.</summary>
    public TimeSpan TimestampTolerance { get; set; } = WeavrWebhookDefaults.TimestampTolerance;

    /// <summary>
    /// Gets or sets how long an accepted <c>call-ref</c> is remembered, to reject replays and drop duplicate redeliveries.
    /// Default 10 minutes; must be at least <see cref="TimestampTolerance"/>. A call-ref is always remembered at least until
    /// its timestamp leaves the tolerance.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = WeavrWebhookDefaults.ReplayWindow;

    /// <summary>Gets or sets the most call-refs the in-memory replay guard holds. Default 100,000.</summary>
    public int ReplayCacheCapacity { get; set; } = WeavrWebhookDefaults.ReplayCacheCapacity;

    /// <summary>Gets or sets the largest body accepted, in bytes. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = WeavrWebhookDefaults.MaxBodyBytes;

    /// <summary>
    /// Gets or sets a value indicating whether a delivery without a <c>call-ref</c> is rejected
    /// (<see cref="WebhookRejectionReason.MissingCallRef"/>). Default <see langword="false"/>: the header is optional in
    /// Weavr's contract, so such a delivery is verified (signed with <c>""</c> as call-ref) and accepted once; the replay
    /// guard then remembers a SHA-256 of its kind, timestamp and body (exactly what the signature covers), so the same
    /// delivery replayed within the replay window is <see cref="WebhookRejectionReason.Replayed"/> and never dispatched
    /// again.
    /// </summary>
    public bool RequireCallRef { get; set; }

    /// <summary>Describes the options without the signing key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"WeavrWebhookOptions {{ SigningKey = {(SigningKey is null || SigningKey.IsEmpty ? "(api key)" : "[redacted]")}, TimestampTolerance = {TimestampTolerance}, ReplayWindow = {ReplayWindow}, ReplayCacheCapacity = {ReplayCacheCapacity}, MaxBodyBytes = {MaxBodyBytes}, RequireCallRef = {RequireCallRef} }}";
}
