namespace AuthClient.Testing;

/// <summary>A webhook the sandbox sent (or would have sent, with no webhook URL configured).</summary>
public sealed record SandboxWebhookDelivery
{
    /// <summary>Gets the event path: <c>/stepup/watch</c> or <c>/authentication_factors/watch</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the URL posted to; <see langword="null"/> when no webhook URL was configured (nothing was sent).</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the <c>call-ref</c> header (unique per delivery).</summary>
    public required string CallRef { get; init; }

    /// <summary>Gets the <c>published-timestamp</c> header: milliseconds since the Unix epoch, as decimal text.</summary>
    public required string PublishedTimestamp { get; init; }

    /// <summary>Gets the <c>signature-v2</c> header.</summary>
    public required string SignatureV2 { get; init; }

    /// <summary>Gets the raw JSON body exactly as sent.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the receiver's HTTP status; <see langword="null"/> when nothing was sent or the POST failed.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets why the POST failed (connection refused, timeout); <see langword="null"/> otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the receiver answered 2xx.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
