#region webhooks-manual
using AuthClient.Webhooks;
using Microsoft.AspNetCore.Http;

namespace MyApp;

public static class ManualReceiver
{
    // Any framework: hand the receiver the kind (or path), the headers and the raw body bytes, exactly as received.
    public static async Task<IResult> ReceiveStepUpAsync(HttpRequest request, WeavrWebhookReceiver receiver, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var result = await receiver.ReceiveAsync(
            WeavrWebhookKind.StepUp,                                   // or the request path: "/webhooks/weavr/stepup/watch"
            WeavrWebhookHeaders.FromLookup(name => request.Headers[name].ToString()),
            body.ToArray(),
            ct);
        return Results.StatusCode(result.RecommendedStatusCode);
    }
}
#endregion
