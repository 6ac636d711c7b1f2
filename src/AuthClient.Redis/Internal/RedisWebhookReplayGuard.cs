using AuthClient.Webhooks;

namespace AuthClient.Redis.Internal;

/// <summary>
/// The farm's webhook replay guard: a call-ref key that is <c>processing</c> (expiring after the processing timeout, so
/// a crashed instance's delivery is handled again) until every sink handled it, then <c>done</c> until the replay
/// window ends. A redelivery meanwhile is <see cref="WebhookReplayStatus.InProgress"/> (answered 409: Weavr retries).
/// </summary>
internal sealed class RedisWebhookReplayGuard(RedisContext redis, TimeProvider timeProvider) : IWebhookReplayGuard
{
    // KEYS[1] the call-ref; ARGV[1] processing TTL ms. 0 started, 1 in progress, 2 done.
    private const string BeginScript = """
        if redis.call('SET', KEYS[1], 'processing', 'NX', 'PX', ARGV[1]) then return 0 end
        if redis.call('GET', KEYS[1]) == 'processing' then return 1 end
        return 2
        """;

    public async ValueTask<bool> TryRegisterAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await TryBeginAsync(callRef, expiresAt, cancellationToken).ConfigureAwait(false) == WebhookReplayStatus.Started;

    public async ValueTask<WebhookReplayStatus> TryBeginAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callRef);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var ttl = (long)redis.Options.ReplayProcessingTimeout.TotalMilliseconds;
        return (long)await db.ScriptEvaluateAsync(BeginScript, [redis.CallRefKey(callRef)], [ttl]).ConfigureAwait(false) switch
        {
            0 => WebhookReplayStatus.Started,
            1 => WebhookReplayStatus.InProgress,
            _ => WebhookReplayStatus.Done,
        };
    }

    public async ValueTask CompleteAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callRef);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var ttl = expiresAt - timeProvider.GetUtcNow();
        await db.StringSetAsync(redis.CallRefKey(callRef), "done", ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
    }

    public async ValueTask ReleaseAsync(string callRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callRef);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(redis.CallRefKey(callRef)).ConfigureAwait(false);
    }
}
