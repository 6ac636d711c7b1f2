using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AuthClient.Webhooks;

/// <summary>
/// Computes and checks Weavr's <c>signature-v2</c>:
/// <c>Base64(HMAC-SHA256(key = UTF-8(signing key), message = UTF-8(call-ref) + raw body + UTF-8(published-timestamp)))</c>,
/// concatenated without separators; an absent call-ref counts as <c>""</c>. The receiver uses it to verify; emulators and
/// tests use it to send correctly signed deliveries.
/// </summary>
public static class WeavrWebhookSigner
{
    private const int MacLength = 32;

    /// <summary>Computes the <c>signature-v2</c> header value.</summary>
    /// <param name="signingKey">The signing key (the programme's Weavr api key).</param>
    /// <param name="callRef">The <c>call-ref</c> header; <see langword="null"/> when it is not sent.</param>
    /// <param name="rawBody">The body bytes exactly as sent.</param>
    /// <param name="publishedTimestamp">The <c>published-timestamp</c> header text exactly as sent, e.g. <c>1700000000000</c>.</param>
    /// <returns>The Base64 signature.</returns>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> or <paramref name="publishedTimestamp"/> is null or empty.</exception>
    public static string Sign(string signingKey, string? callRef, ReadOnlySpan<byte> rawBody, string publishedTimestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        ArgumentException.ThrowIfNullOrEmpty(publishedTimestamp);
        Span<byte> mac = stackalloc byte[MacLength];
        ComputeMac(Encoding.UTF8.GetBytes(signingKey), callRef, rawBody, publishedTimestamp, mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>Computes the <c>signature-v2</c> header value for a publication time (sent as its ms-epoch text, see <see cref="FormatTimestamp"/>).</summary>
    /// <param name="signingKey">The signing key (the programme's Weavr api key).</param>
    /// <param name="callRef">The <c>call-ref</c> header; <see langword="null"/> when it is not sent.</param>
    /// <param name="rawBody">The body bytes exactly as sent.</param>
    /// <param name="publishedAt">The publication time.</param>
    /// <returns>The Base64 signature.</returns>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> is null or empty.</exception>
    public static string Sign(string signingKey, string? callRef, ReadOnlySpan<byte> rawBody, DateTimeOffset publishedAt) =>
        Sign(signingKey, callRef, rawBody, FormatTimestamp(publishedAt));

    /// <summary>Creates the three headers of a correctly signed delivery (for emulators and tests).</summary>
    /// <param name="signingKey">The signing key (the programme's Weavr api key).</param>
    /// <param name="callRef">The <c>call-ref</c> header; <see langword="null"/> to omit it.</param>
    /// <param name="rawBody">The body bytes exactly as they will be sent.</param>
    /// <param name="publishedAt">The publication time.</param>
    /// <returns>The headers; set each non-null one on the request under its <see cref="WeavrWebhookHeaderNames"/> name.</returns>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> is null or empty.</exception>
    public static WeavrWebhookHeaders CreateHeaders(string signingKey, string? callRef, ReadOnlySpan<byte> rawBody, DateTimeOffset publishedAt)
    {
        var timestamp = FormatTimestamp(publishedAt);
        return new WeavrWebhookHeaders
        {
            CallRef = callRef,
            PublishedTimestamp = timestamp,
            SignatureV2 = Sign(signingKey, callRef, rawBody, timestamp),
        };
    }

    /// <summary>
    /// Checks a <c>signature-v2</c> value in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/> over the
    /// decoded HMAC). Does not check the timestamp's age or replays: <see cref="WeavrWebhookReceiver"/> does.
    /// </summary>
    /// <param name="signingKey">The signing key (the programme's Weavr api key).</param>
    /// <param name="callRef">The <c>call-ref</c> header as received; <see langword="null"/> when absent.</param>
    /// <param name="rawBody">The body bytes exactly as received (never re-serialized).</param>
    /// <param name="publishedTimestamp">The <c>published-timestamp</c> header as received.</param>
    /// <param name="signatureV2">The <c>signature-v2</c> header as received.</param>
    /// <returns><see langword="true"/> when the signature matches.</returns>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> is null or empty.</exception>
    public static bool Verify(string signingKey, string? callRef, ReadOnlySpan<byte> rawBody, string? publishedTimestamp, string? signatureV2)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        return VerifyCore(Encoding.UTF8.GetBytes(signingKey), callRef, rawBody, publishedTimestamp, signatureV2);
    }

    /// <summary>Formats a publication time as the <c>published-timestamp</c> header: milliseconds since the Unix epoch, invariant decimal.</summary>
    /// <param name="publishedAt">The publication time.</param>
    /// <returns>The header text.</returns>
    public static string FormatTimestamp(DateTimeOffset publishedAt) =>
        publishedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    internal static bool VerifyCore(ReadOnlySpan<byte> key, string? callRef, ReadOnlySpan<byte> rawBody, string? publishedTimestamp, string? signatureV2)
    {
        // A SHA-256 MAC is 44 Base64 characters; anything much longer is not worth decoding.
        if (string.IsNullOrEmpty(publishedTimestamp) || string.IsNullOrEmpty(signatureV2) || signatureV2.Length > 128)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[96];
        if (!Convert.TryFromBase64String(signatureV2, received, out var written) || written != MacLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        ComputeMac(key, callRef, rawBody, publishedTimestamp, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received[..MacLength]);
    }

    private static void ComputeMac(ReadOnlySpan<byte> key, string? callRef, ReadOnlySpan<byte> rawBody, string publishedTimestamp, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        AppendUtf8(hmac, callRef);
        hmac.AppendData(rawBody);
        AppendUtf8(hmac, publishedTimestamp);
        hmac.GetHashAndReset(destination);
    }

    private static void AppendUtf8(IncrementalHash hash, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            hash.AppendData(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
