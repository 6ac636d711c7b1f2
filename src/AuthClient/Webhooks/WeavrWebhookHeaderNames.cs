namespace AuthClient.Webhooks;

/// <summary>The HTTP header names of a Weavr webhook delivery.</summary>
public static class WeavrWebhookHeaderNames
{
    /// <summary><c>call-ref</c>: unique per delivery (optional, at most 255 characters); the replay-protection key.</summary>
    public const string CallRef = "call-ref";

    /// <summary><c>published-timestamp</c>: the publication time as milliseconds since the Unix epoch, in decimal text.</summary>
    public const string PublishedTimestamp = "published-timestamp";

    /// <summary><c>signature-v2</c>: <c>Base64(HMAC-SHA256(api key, call-ref + raw body + published-timestamp))</c>.</summary>
    public const string SignatureV2 = "signature-v2";

    /// <summary><c>signature</c>: the deprecated v1 signature (over the timestamp only). Ignored: it does not cover the body.</summary>
    public const string Signature = "signature";
}
