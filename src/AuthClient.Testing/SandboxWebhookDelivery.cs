using System.Text;
using AuthClient.Webhooks;

namespace AuthClient.Testing;

/// <summary>A webhook the sandbox sent (or would have sent, with no webhook target configured).</summary>
public sealed record SandboxWebhookDelivery
{
    /// <summary>Gets the event path: <c>/stepup/watch</c> or <c>/authentication_factors/watch</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the URL posted to (relative only when posted through an <see cref="HttpClient"/> without a
    /// <c>BaseAddress</c>); <see langword="null"/> when no webhook target was configured (nothing was sent).</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the <c>call-ref</c> header (unique per delivery).</summary>
    public required string CallRef { get; init; }

    /// <summary>Gets the <c>published-timestamp</c> header: milliseconds since the Unix epoch, as decimal text.</summary>
    public required string PublishedTimestamp { get; init; }

    /// <summary>Gets the <c>signature-v2</c> header.</summary>
    public required string SignatureV2 { get; init; }

    /// <summary>Gets the raw JSON body exactly as sent.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the typed event, as the SDK's webhook parser reads <see cref="Body"/> back
    /// (<see cref="WeavrWebhookSerializer.Deserialize"/>): a <see cref="StepUpEvent"/>, <see cref="LoginEvent"/> or
    /// <see cref="EnrolmentEvent"/>, e.g. <c>delivery.Event is StepUpEvent { Status: WebhookChallengeStatus.Verified }</c>.
    /// Its tokens are <see cref="Primitives.Secret"/>s.</summary>
    public required WeavrWebhookEvent Event { get; init; }

    /// <summary>Gets the receiver's HTTP status; <see langword="null"/> when nothing was sent or the POST failed.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets why the POST failed (connection refused, timeout); <see langword="null"/> otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the receiver answered 2xx.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;

    // Printed without Body and SignatureV2: a login body carries the AUTH token, and a test's output must not show it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Path = ").Append(Path)
            .Append(", Url = ").Append(Url)
            .Append(", CallRef = ").Append(CallRef)
            .Append(", Event = ").Append(Event)
            .Append(", StatusCode = ").Append(StatusCode)
            .Append(", Error = ").Append(Error);
        return true;
    }
}
