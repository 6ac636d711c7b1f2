using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AuthClient.Telemetry.Internal;
using AuthClient.Webhooks.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Webhooks;

/// <summary>
/// Verifies, parses, deduplicates and dispatches Weavr auth webhooks, independent of any web framework: pass the watch
/// kind (or request path), the headers and the raw body bytes; answer with
/// <see cref="WebhookReceiveResult.RecommendedStatusCode"/>. For ASP.NET Core, <c>app.MapWeavrWebhooks()</c> (package
/// <c>AuthClient.AspNetCore</c>) does all of it.
/// </summary>
/// <remarks>
/// Checks, in order: known kind → body size → <c>signature-v2</c> and <c>published-timestamp</c> present and well-formed
/// (and <c>call-ref</c>, if required; at most <see cref="MaxCallRefLength"/> characters, the spec's limit) → signature over
/// the raw bytes (constant-time) → timestamp within <see cref="WeavrWebhookOptions.TimestampTolerance"/> of the
/// <see cref="TimeProvider"/> time (inclusive, past or future) → body parses → not seen before
/// (<see cref="IWebhookReplayGuard"/>, keyed on the <c>call-ref</c>; a delivery without one is keyed on a SHA-256 of what
/// its signature covers, so replaying it is refused too) → every
/// <see cref="IWeavrWebhookEventSink"/> is called once, in registration order. If a sink throws, the others are still
/// called, the call-ref is released and the outcome is <see cref="WebhookReceiveOutcome.HandlerFailed"/> (HTTP 500), so
/// Weavr's redelivery is dispatched again: sinks must be idempotent. The signing key, signatures and auth tokens are never
/// logged. Rejections are logged as a Warning at most once a minute per reason (the Warning says how many were
/// suppressed), the rest at Debug: a sender who holds no key cannot flood the log. Thread-safe; register it as a
/// singleton (<c>AddWebhooks</c> does).
/// </remarks>
public sealed partial class WeavrWebhookReceiver
{
    /// <summary>The longest <c>call-ref</c> accepted: 255 characters, the limit of Weavr's contract.</summary>
    public const int MaxCallRefLength = 255;

    private const string NoCallRefKeyPrefix = "no-call-ref:";

    /// <summary>The least time between two Warnings for the same rejection reason.</summary>
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private readonly byte[] _signingKey;
    private readonly TimeSpan _tolerance;
    private readonly TimeSpan _replayWindow;
    private readonly int _maxBodyBytes;
    private readonly bool _requireCallRef;
    private readonly IWebhookReplayGuard _replayGuard;
    private readonly IWeavrWebhookEventSink[] _sinks;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RejectionLogLimiter _rejections;
    private readonly AuthClientMetrics? _metrics;

    /// <summary>Initializes a new instance of the <see cref="WeavrWebhookReceiver"/> class.</summary>
    /// <param name="options">The options; <see cref="WeavrWebhookOptions.SigningKey"/> must be set (<c>AddWebhooks</c> defaults it to the Weavr api key).</param>
    /// <param name="replayGuard">Remembers accepted call-refs.</param>
    /// <param name="sinks">Receive every accepted event.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WeavrWebhookReceiver(
        IOptions<WeavrWebhookOptions> options,
        IWebhookReplayGuard replayGuard,
        IEnumerable<IWeavrWebhookEventSink> sinks,
        TimeProvider timeProvider,
        ILogger<WeavrWebhookReceiver> logger)
        : this(options, replayGuard, sinks, timeProvider, logger, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WeavrWebhookReceiver"/> class that counts its deliveries
    /// (<c>authclient.webhook.deliveries</c>) on the <c>AuthClient</c> meter.</summary>
    /// <param name="options">The options; <see cref="WeavrWebhookOptions.SigningKey"/> must be set (<c>AddWebhooks</c> defaults it to the Weavr api key).</param>
    /// <param name="replayGuard">Remembers accepted call-refs.</param>
    /// <param name="sinks">Receive every accepted event.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="meterFactory">Creates the <c>AuthClient</c> meter; <see langword="null"/> records no metrics.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WeavrWebhookReceiver(
        IOptions<WeavrWebhookOptions> options,
        IWebhookReplayGuard replayGuard,
        IEnumerable<IWeavrWebhookEventSink> sinks,
        TimeProvider timeProvider,
        ILogger<WeavrWebhookReceiver> logger,
        IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(replayGuard);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var value = options.Value;
        var failures = WeavrWebhookOptionsValidator.GetFailures(value);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _signingKey = Encoding.UTF8.GetBytes(value.SigningKey!.Reveal());
        _tolerance = value.TimestampTolerance;
        _replayWindow = value.ReplayWindow;
        _maxBodyBytes = value.MaxBodyBytes;
        _requireCallRef = value.RequireCallRef;
        _replayGuard = replayGuard;
        _sinks = [.. sinks];
        _timeProvider = timeProvider;
        _logger = logger;
        _rejections = new RejectionLogLimiter(timeProvider, WarningInterval);
        _metrics = meterFactory is null ? null : AuthClientMetrics.For(meterFactory);
    }

    /// <summary>Gets the largest body accepted, in bytes (<see cref="WeavrWebhookOptions.MaxBodyBytes"/>), so hosts can stop reading early.</summary>
    public int MaxBodyBytes => _maxBodyBytes;

    /// <summary>Receives a delivery addressed to a request path ending with a watch path (see <see cref="WeavrWebhookPaths.TryGetKind"/>).</summary>
    /// <param name="path">The request path, e.g. <c>/webhooks/weavr/stepup/watch</c>.</param>
    /// <param name="headers">The delivery's headers.</param>
    /// <param name="rawBody">The body bytes exactly as received.</param>
    /// <param name="cancellationToken">Cancels the handling (e.g. the caller disconnected); the call-ref is then released.</param>
    /// <returns>The result; an unknown path is <see cref="WebhookRejectionReason.UnknownEventKind"/>.</returns>
    public ValueTask<WebhookReceiveResult> ReceiveAsync(string path, WeavrWebhookHeaders headers, ReadOnlyMemory<byte> rawBody, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!WeavrWebhookPaths.TryGetKind(path, out var kind))
        {
            RejectedUnverified("(unknown)", WebhookRejectionReason.UnknownEventKind);
            var unknown = WebhookReceiveResult.Rejected(WebhookRejectionReason.UnknownEventKind);
            using var activity = AuthClientActivity.Source.StartActivity(AuthClientActivity.WebhookReceive, ActivityKind.Server);
            Record(activity, "unknown", unknown);
            return ValueTask.FromResult(unknown);
        }

        return ReceiveAsync(kind, headers, rawBody, cancellationToken);
    }

    /// <summary>Receives a delivery of a known kind.</summary>
    /// <param name="kind">The watch kind (from the route the delivery arrived on).</param>
    /// <param name="headers">The delivery's headers.</param>
    /// <param name="rawBody">The body bytes exactly as received.</param>
    /// <param name="cancellationToken">Cancels the handling (e.g. the caller disconnected); the call-ref is then released.</param>
    /// <returns>The result.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<WebhookReceiveResult> ReceiveAsync(WeavrWebhookKind kind, WeavrWebhookHeaders headers, ReadOnlyMemory<byte> rawBody, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = AuthClientActivity.Source.StartActivity(AuthClientActivity.WebhookReceive, ActivityKind.Server);
        var result = await ReceiveCoreAsync(kind, headers, rawBody, cancellationToken).ConfigureAwait(false);
        Record(activity, Enum.IsDefined(kind) ? AuthClientMetrics.Name(kind) : "unknown", result);
        return result;
    }

    /// <summary>Tags the delivery's span and counts it: kind, outcome and rejection reason (never the call-ref or the body).</summary>
    private void Record(Activity? activity, string kind, WebhookReceiveResult result)
    {
        if (activity is not null)
        {
            activity.SetTag(AuthClientActivity.WebhookKind, kind);
            activity.SetTag(AuthClientActivity.Outcome, AuthClientMetrics.Name(result.Outcome));
            if (result.RejectionReason is { } reason)
            {
                activity.SetTag(AuthClientActivity.RejectionReason, AuthClientMetrics.Name(reason));
            }

            if (result.Outcome == WebhookReceiveOutcome.HandlerFailed)
            {
                AuthClientActivity.Failed(activity, result.HandlerException ?? new InvalidOperationException());
            }
        }

        _metrics?.WebhookReceived(kind, result);
    }

    private async ValueTask<WebhookReceiveResult> ReceiveCoreAsync(WeavrWebhookKind kind, WeavrWebhookHeaders headers, ReadOnlyMemory<byte> rawBody, CancellationToken cancellationToken)
    {
        var rejection = Verify(kind, headers, rawBody.Span, out var publishedAt);
        if (rejection is { } reason)
        {
            RejectedUnverified(kind.ToString(), reason);
            return WebhookReceiveResult.Rejected(reason, Enum.IsDefined(kind) ? kind : null);
        }

        var callRef = headers.CallRef ?? string.Empty;
        var now = _timeProvider.GetUtcNow();
        if ((now - publishedAt).Duration() > _tolerance)
        {
            RejectedSigned(kind, callRef, WebhookRejectionReason.StaleTimestamp);
            return WebhookReceiveResult.Rejected(WebhookRejectionReason.StaleTimestamp, kind);
        }

        var webhookEvent = WebhookEventCodec.Parse(kind, callRef, publishedAt, rawBody.Span);
        if (webhookEvent is null)
        {
            RejectedSigned(kind, callRef, WebhookRejectionReason.MalformedBody);
            return WebhookReceiveResult.Rejected(WebhookRejectionReason.MalformedBody, kind);
        }

        // Remember the delivery at least until its timestamp leaves the tolerance, so no replay can pass both checks.
        var expiresAt = Max(publishedAt + _tolerance, now + _replayWindow);
        var replayKey = ReplayKey(kind, callRef, headers.PublishedTimestamp!, rawBody.Span);
        var status = await _replayGuard.TryBeginAsync(replayKey, expiresAt, cancellationToken).ConfigureAwait(false);
        if (status != WebhookReplayStatus.Started)
        {
            // Debug, not Information: replaying a captured delivery needs no key, so it must not be able to flood the log.
            _rejections.ShouldWarn(WebhookRejectionReason.Replayed, out _);
            LogReplayed(_logger, kind, callRef);
            var replay = status == WebhookReplayStatus.InProgress ? WebhookRejectionReason.InProgress : WebhookRejectionReason.Replayed;
            return WebhookReceiveResult.Rejected(replay, kind, webhookEvent);
        }

        var failure = await DispatchAsync(webhookEvent, replayKey, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            LogHandlerFailed(_logger, failure, kind, callRef);
            return WebhookReceiveResult.HandlerFailed(kind, webhookEvent, failure);
        }

        // Only now is it done: a crash before this line leaves it "processing", which expires and is delivered again.
        await _replayGuard.CompleteAsync(replayKey, expiresAt, CancellationToken.None).ConfigureAwait(false);

        LogAccepted(_logger, kind, callRef);
        return WebhookReceiveResult.Accepted(kind, webhookEvent);
    }

    private WebhookRejectionReason? Verify(WeavrWebhookKind kind, WeavrWebhookHeaders headers, ReadOnlySpan<byte> rawBody, out DateTimeOffset publishedAt)
    {
        publishedAt = default;
        if (!Enum.IsDefined(kind))
        {
            return WebhookRejectionReason.UnknownEventKind;
        }

        if (rawBody.Length > _maxBodyBytes)
        {
            return WebhookRejectionReason.BodyTooLarge;
        }

        if (string.IsNullOrEmpty(headers.SignatureV2))
        {
            return WebhookRejectionReason.MissingSignature;
        }

        if (string.IsNullOrEmpty(headers.PublishedTimestamp))
        {
            return WebhookRejectionReason.MissingTimestamp;
        }

        if (!TryParseTimestamp(headers.PublishedTimestamp, out publishedAt))
        {
            return WebhookRejectionReason.InvalidTimestamp;
        }

        if (_requireCallRef && string.IsNullOrEmpty(headers.CallRef))
        {
            return WebhookRejectionReason.MissingCallRef;
        }

        if (headers.CallRef?.Length > MaxCallRefLength)
        {
            return WebhookRejectionReason.InvalidCallRef;
        }

        // The signature covers the header texts exactly as received, and the raw bytes, never a re-serialization.
        return WeavrWebhookSigner.VerifyCore(_signingKey, headers.CallRef, rawBody, headers.PublishedTimestamp, headers.SignatureV2)
            ? null
            : WebhookRejectionReason.InvalidSignature;
    }

    /// <summary>
    /// The key the replay guard remembers: the call-ref, or for a delivery without one (optional in Weavr's contract) a
    /// SHA-256 of the kind and of exactly what the signature covers. Keying on the signature text would not do: Base64
    /// decoding tolerates variants (whitespace), so one valid signature has many spellings.
    /// </summary>
    private static string ReplayKey(WeavrWebhookKind kind, string callRef, string publishedTimestamp, ReadOnlySpan<byte> rawBody)
    {
        if (callRef.Length > 0)
        {
            return callRef;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{kind}\n{publishedTimestamp}\n"));
        hash.AppendData(rawBody);
        return NoCallRefKeyPrefix + Convert.ToHexString(hash.GetHashAndReset());
    }

    private void RejectedUnverified(string kind, WebhookRejectionReason reason)
    {
        if (_rejections.ShouldWarn(reason, out var suppressed))
        {
            LogRejectedUnverified(_logger, kind, reason, suppressed);
        }
        else
        {
            LogRejectedUnverifiedSuppressed(_logger, kind, reason);
        }
    }

    private void RejectedSigned(WeavrWebhookKind kind, string callRef, WebhookRejectionReason reason)
    {
        // Signed, but a captured delivery replayed after the tolerance is stale on every attempt: limited the same way.
        if (_rejections.ShouldWarn(reason, out var suppressed))
        {
            LogRejected(_logger, kind, callRef, reason, suppressed);
        }
        else
        {
            LogRejectedSuppressed(_logger, kind, callRef, reason);
        }
    }

    /// <summary>Gets how many deliveries were rejected for <paramref name="reason"/> since start (logged or not).</summary>
    internal long RejectionCount(WebhookRejectionReason reason) => _rejections.Count(reason);

    private async ValueTask<Exception?> DispatchAsync(WeavrWebhookEvent webhookEvent, string replayKey, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        try
        {
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.HandleAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    (failures ??= []).Add(ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not handled by every sink: let the redelivery through.
            await ReleaseAsync(replayKey).ConfigureAwait(false);
            throw;
        }

        if (failures is null)
        {
            return null;
        }

        await ReleaseAsync(replayKey).ConfigureAwait(false);
        return failures.Count == 1 ? failures[0] : new AggregateException("Several webhook sinks failed.", failures);
    }

    private ValueTask ReleaseAsync(string replayKey) => _replayGuard.ReleaseAsync(replayKey, CancellationToken.None);

    private static bool TryParseTimestamp(string text, out DateTimeOffset publishedAt)
    {
        publishedAt = default;

        // Digits only (no sign, spaces or separators): the header is ms since the epoch as decimal text.
        if (text.Length > 19 || text.AsSpan().ContainsAnyExceptInRange('0', '9') ||
            !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) ||
            milliseconds > MaxUnixMilliseconds)
        {
            return false;
        }

        publishedAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
