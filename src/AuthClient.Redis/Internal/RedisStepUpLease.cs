using AuthClient.Sessions;
using StackExchange.Redis;

namespace AuthClient.Redis.Internal;

/// <summary>
/// One step-up per user across the farm: a Redis key set with <c>NX PX</c> (a crashed holder's lease expires), released
/// by compare-and-delete so a holder whose lease expired cannot release its successor's.
/// </summary>
internal sealed class RedisStepUpLease(RedisContext redis, TimeProvider timeProvider) : IWeavrStepUpLease
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string userKey, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var key = redis.StepUpKey(userKey);
        var holder = Guid.NewGuid().ToString("N");
        return await db.StringSetAsync(key, holder, duration, When.NotExists).ConfigureAwait(false)
            ? new Held(db, key, holder)
            : null;
    }

    public async Task WaitReleasedAsync(string userKey, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var key = redis.StepUpKey(userKey);
        var until = timeProvider.GetUtcNow() + wait;
        while (await db.KeyExistsAsync(key).ConfigureAwait(false) && timeProvider.GetUtcNow() < until)
        {
            await Task.Delay(redis.Options.StepUpPollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Held(IDatabase db, RedisKey key, string holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await db.ScriptEvaluateAsync(ReleaseScript, [key], [holder]).ConfigureAwait(false);
    }
}
