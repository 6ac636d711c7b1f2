using System.Collections.Concurrent;
using AuthClient.Webhooks;

namespace MyApp;

/// <summary>A sink of programme B only (registered keyed), recording what B's endpoint accepted.</summary>
internal sealed class ProgrammeBAudit : IWeavrWebhookEventSink
{
    public ConcurrentQueue<WeavrWebhookEvent> Events { get; } = new();

    public ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(webhookEvent);
        return ValueTask.CompletedTask;
    }
}
