using System.Text;
using AuthClient.Sessions;
using StackExchange.Redis;

namespace AuthClient.Redis.Internal;

/// <summary>
/// Session snapshots in Redis, one hash per user (<c>v</c> the version in clear, <c>d</c> the protected snapshot),
/// written by compare-and-set (a Lua script: one round trip) and expiring after the idle timeout; activity slides the
/// key's TTL (<c>PEXPIRE</c>) without rewriting it, and a read derives the last activity from the remaining TTL.
/// </summary>
internal sealed class RedisWeavrSessionStore(RedisContext redis, TimeProvider timeProvider) : IVersionedWeavrSessionStore
{
    // KEYS[1] the hash; ARGV: expected version (0 = none), new version, protected snapshot, TTL ms.
    private const string SetScript = """
        local v = redis.call('HGET', KEYS[1], 'v')
        if (not v and ARGV[1] == '0') or v == ARGV[1] then
          redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
          return 1
        end
        return 0
        """;

    // KEYS[1] the hash; ARGV[1] TTL ms. Returns the version (0 when none) after sliding the expiry.
    private const string TouchScript = """
        local v = redis.call('HGET', KEYS[1], 'v')
        if not v then return 0 end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return tonumber(v)
        """;

    private const string GetScript = """
        return { redis.call('HGET', KEYS[1], 'v'), redis.call('HGET', KEYS[1], 'd'), redis.call('PTTL', KEYS[1]) }
        """;

    private long IdleMilliseconds => (long)redis.IdleTimeout.TotalMilliseconds;

    public async ValueTask<WeavrSessionSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(GetScript, [redis.SessionKey(userKey)]).ConfigureAwait(false))!;
        if (result[0].IsNull || result[1].IsNull)
        {
            return null;
        }

        var snapshot = WeavrSessionSnapshotSerializer.Deserialize(Encoding.UTF8.GetString(redis.Unprotect((byte[])result[1]!)));
        if (snapshot.UserKey != userKey)
        {
            // A value copied under another user's key is never handed out.
            return null;
        }

        // The TTL slid with every call: the last activity is when it was last refreshed.
        var remaining = (long)result[2];
        var touchedAt = remaining > 0 ? timeProvider.GetUtcNow() - (redis.IdleTimeout - TimeSpan.FromMilliseconds(remaining)) : (DateTimeOffset?)null;
        var lastActivity = touchedAt > snapshot.LastActivityAt ? touchedAt : snapshot.LastActivityAt;
        return snapshot with { Version = (long)result[0], LastActivityAt = lastActivity };
    }

    public async ValueTask SetAsync(string userKey, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(snapshot);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var key = redis.SessionKey(userKey);
        await db.HashSetAsync(key, [new("v", snapshot.Version), new("d", Protect(snapshot))]).ConfigureAwait(false);
        await db.KeyExpireAsync(key, redis.IdleTimeout).ConfigureAwait(false);
    }

    public async ValueTask<bool> TrySetAsync(string userKey, WeavrSessionSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(snapshot);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var written = await db.ScriptEvaluateAsync(
            SetScript,
            [redis.SessionKey(userKey)],
            [expectedVersion, snapshot.Version, Protect(snapshot), IdleMilliseconds]).ConfigureAwait(false);
        return (long)written == 1;
    }

    public async ValueTask<long> TouchAsync(string userKey, DateTimeOffset activityAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var ttl = IdleMilliseconds - (long)Math.Max(0, (timeProvider.GetUtcNow() - activityAt).TotalMilliseconds);
        return (long)await db.ScriptEvaluateAsync(TouchScript, [redis.SessionKey(userKey)], [Math.Max(1, ttl)]).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(redis.SessionKey(userKey)).ConfigureAwait(false);
    }

    private byte[] Protect(WeavrSessionSnapshot snapshot) => redis.Protect(WeavrSessionSnapshotSerializer.Serialize(snapshot));
}
