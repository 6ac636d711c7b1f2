using System.Security.Cryptography;
using System.Text;

namespace AuthClient.Testing.Internal;

/// <summary>
/// Signs an outgoing webhook the way Weavr does (API.md §3.2): <c>signature-v2</c> =
/// Base64(HMAC-SHA256(key = api key UTF-8, message = call-ref + raw body + published-timestamp)), and the deprecated
/// <c>signature</c> = Base64(HMAC-SHA256(key = api key, message = published-timestamp)). The one place the sandbox signs.
/// </summary>
internal static class WebhookSigner
{
    public static string SignatureV2(string apiKey, string callRef, ReadOnlySpan<byte> rawBody, string publishedTimestamp)
    {
        var callRefBytes = Encoding.UTF8.GetBytes(callRef);
        var timestampBytes = Encoding.UTF8.GetBytes(publishedTimestamp);
        var message = new byte[callRefBytes.Length + rawBody.Length + timestampBytes.Length];
        callRefBytes.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(callRefBytes.Length));
        timestampBytes.CopyTo(message, callRefBytes.Length + rawBody.Length);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), message));
    }

    public static string LegacySignature(string apiKey, string publishedTimestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(publishedTimestamp)));
}
