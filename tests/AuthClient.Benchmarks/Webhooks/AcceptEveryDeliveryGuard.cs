using AuthClient.Webhooks;

namespace AuthClient.Benchmarks.Webhooks;

/// <summary>A replay guard that never remembers: the same signed delivery can be received on every iteration.</summary>
internal sealed class AcceptEveryDeliveryGuard : IWebhookReplayGuard
{
    public ValueTask<bool> TryRegisterAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public ValueTask ReleaseAsync(string callRef, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
