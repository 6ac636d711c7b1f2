#region webhooks-signing
using AuthClient.Webhooks;

namespace MyApp;

public static class WebhookSending
{
    // Tests and emulators: the JSON Weavr sends, and the headers it signs it with.
    public static HttpRequestMessage CreateDelivery(Uri webhookUrl, WeavrWebhookEvent webhookEvent, string apiKey, string callRef)
    {
        byte[] body = WeavrWebhookSerializer.SerializeToUtf8Bytes(webhookEvent);               // Weavr wire JSON
        WeavrWebhookHeaders headers = WeavrWebhookSigner.CreateHeaders(apiKey, callRef, body, DateTimeOffset.UtcNow);
        var path = WeavrWebhookPaths.GetPath(WeavrWebhookSerializer.GetKind(webhookEvent));   // e.g. /stepup/watch
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(webhookUrl + path)) { Content = new ByteArrayContent(body) };
        request.Headers.Add(WeavrWebhookHeaderNames.CallRef, headers.CallRef);
        request.Headers.Add(WeavrWebhookHeaderNames.PublishedTimestamp, headers.PublishedTimestamp);
        request.Headers.Add(WeavrWebhookHeaderNames.SignatureV2, headers.SignatureV2);
        return request;
    }
}
#endregion
