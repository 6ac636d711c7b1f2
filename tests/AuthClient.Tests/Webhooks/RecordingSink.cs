using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

/// <summary>Records every event it is handed; can be told to throw.</summary>
internal sealed class RecordingSink : IWeavrWebhookEventSink
{
    private readonly object _gate = new(); // Not System.Threading.Lock: the suites also run on net8.0.
    private readonly List<WeavrWebhookEvent> _events = [];

    public Func<WeavrWebhookEvent, CancellationToken, ValueTask>? OnHandle { get; set; }

    public IReadOnlyList<WeavrWebhookEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public async ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(webhookEvent);
        }

        if (OnHandle is { } onHandle)
        {
            await onHandle(webhookEvent, cancellationToken);
        }
    }
}
