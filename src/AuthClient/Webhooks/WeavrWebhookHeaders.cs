namespace AuthClient.Webhooks;

/// <summary>
/// The headers of a webhook delivery that the receiver needs, as received (values are not trimmed or normalised:
/// the signature covers their exact text). <see cref="ToString"/> never prints the signature.
/// </summary>
public sealed class WeavrWebhookHeaders
{
    /// <summary>Gets the <c>call-ref</c> header, or <see langword="null"/> when absent.</summary>
    public string? CallRef { get; init; }

    /// <summary>Gets the <c>published-timestamp</c> header, or <see langword="null"/> when absent.</summary>
    public string? PublishedTimestamp { get; init; }

    /// <summary>Gets the <c>signature-v2</c> header, or <see langword="null"/> when absent.</summary>
    public string? SignatureV2 { get; init; }

    /// <summary>Reads the headers through a lookup, e.g. <c>name =&gt; request.Headers[name]</c> of your framework.</summary>
    /// <param name="getHeader">Returns a header's value by name (names as in <see cref="WeavrWebhookHeaderNames"/>), or <see langword="null"/> when absent.</param>
    /// <returns>The headers.</returns>
    public static WeavrWebhookHeaders FromLookup(Func<string, string?> getHeader)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        return new WeavrWebhookHeaders
        {
            CallRef = getHeader(WeavrWebhookHeaderNames.CallRef),
            PublishedTimestamp = getHeader(WeavrWebhookHeaderNames.PublishedTimestamp),
            SignatureV2 = getHeader(WeavrWebhookHeaderNames.SignatureV2),
        };
    }

    /// <summary>Reads the headers from name/value pairs, matching names case-insensitively (the first value of a name wins).</summary>
    /// <param name="headers">The request headers.</param>
    /// <returns>The headers.</returns>
    public static WeavrWebhookHeaders From(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? callRef = null, timestamp = null, signature = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals(WeavrWebhookHeaderNames.CallRef, StringComparison.OrdinalIgnoreCase))
            {
                callRef ??= value;
            }
            else if (name.Equals(WeavrWebhookHeaderNames.PublishedTimestamp, StringComparison.OrdinalIgnoreCase))
            {
                timestamp ??= value;
            }
            else if (name.Equals(WeavrWebhookHeaderNames.SignatureV2, StringComparison.OrdinalIgnoreCase))
            {
                signature ??= value;
            }
        }

        return new WeavrWebhookHeaders { CallRef = callRef, PublishedTimestamp = timestamp, SignatureV2 = signature };
    }

    /// <summary>Describes the headers without the signature value.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"WeavrWebhookHeaders {{ CallRef = {CallRef}, PublishedTimestamp = {PublishedTimestamp}, SignatureV2 = {(SignatureV2 is null ? "(absent)" : "[redacted]")} }}";
}
