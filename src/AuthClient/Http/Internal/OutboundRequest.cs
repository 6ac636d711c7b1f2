namespace AuthClient.Http.Internal;

/// <summary>
/// What both APIs' outermost handlers do once per logical call, before the retry loop, and the per-call facts the
/// inner handlers and the error mapping read back from the request.
/// </summary>
internal static class OutboundRequest
{
    /// <summary>
    /// Stamps the call's start and fixes its body: serialized once to bytes, so it goes out with
    /// <c>Content-Length</c> (strict servers and gateways refuse chunked bodies) and is re-sent identically on retry.
    /// A POST without a body gets an empty one: the runtime silently re-sends a body-less request that failed on a
    /// reused keep-alive connection before any answer, which would run a non-idempotent operation twice.
    /// </summary>
    public static async ValueTask PrepareAsync(HttpRequestMessage request, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        request.Options.Set(OutboundCall.Key, new OutboundCall { Started = timeProvider.GetTimestamp() });
        if (request.Content is { } content)
        {
            if (content.Headers.ContentLength is null)
            {
                // Buffered in place: the content then reports its length and re-sends the same bytes on every attempt.
                await LoadIntoBufferAsync(content, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (request.Method == HttpMethod.Post || request.Method == HttpMethod.Patch)
        {
            request.Content = new ByteArrayContent([]);
        }
    }

#if NET9_0_OR_GREATER
    private static Task LoadIntoBufferAsync(HttpContent content, CancellationToken cancellationToken) => content.LoadIntoBufferAsync(cancellationToken);
#else
    private static Task LoadIntoBufferAsync(HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // serializing a small in-memory body does not wait on I/O
        return content.LoadIntoBufferAsync();
    }
#endif

    /// <summary>How long ago the call started, or <see langword="null"/> when no outer handler stamped it.</summary>
    public static TimeSpan? Elapsed(HttpRequestMessage? request, TimeProvider timeProvider) =>
        request is not null && request.Options.TryGetValue(OutboundCall.Key, out var call)
            ? timeProvider.GetElapsedTime(call.Started)
            : null;

    /// <summary>Records that an attempt is about to reach the transport.</summary>
    public static void MarkSent(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(OutboundCall.Key, out var call))
        {
            call.Sent = true;
            call.Attempts++;
        }
    }

    /// <summary>How many attempts reached the transport.</summary>
    public static int Attempts(HttpRequestMessage request) =>
        request.Options.TryGetValue(OutboundCall.Key, out var call) ? call.Attempts : 0;

    /// <summary>
    /// Whether any attempt reached the transport. A request no AuthClient handler prepared counts as sent: when in
    /// doubt the outcome is unknown, never "nothing was sent".
    /// </summary>
    public static bool WasSent(HttpRequestMessage? request) =>
        request is null || !request.Options.TryGetValue(OutboundCall.Key, out var call) || call.Sent;
}
