using System.Text;
using AuthClient.Primitives;
using AuthClient.Redis.Internal;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AuthClient.Redis.Tests;

public sealed class RedisWeavrSessionStoreTests
{
    private const string UserKey = "user-1";

    private static WeavrSessionSnapshot Snapshot(long version, WeavrSessionState state = WeavrSessionState.Access) => new()
    {
        UserKey = UserKey,
        State = state,
        Token = new Secret("access-token-CLEAR"),
        AuthToken = new Secret("auth-token-CLEAR"),
        TokenStatus = AccessTokenStatus.Standard,
        Identity = new IdentityId(IdentityType.Consumer, "11"),
        LastActivityAt = DateTimeOffset.UtcNow,
        Version = version,
    };

    [RedisFact]
    public async Task ConnectionClosedOnOneInstance_FindAndCallsFailTyped_AndTheOtherInstanceCarriesOn()
    {
        using var redisA = await RedisServer.ConnectAsync();
        using var redisB = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redisA, prefix);
        await using var b = RedisServer.Instance(redisB, prefix);
        var store = (IVersionedWeavrSessionStore)a.GetRequiredService<IWeavrSessionStore>();
        Assert.True(await store.TrySetAsync(UserKey, Snapshot(1), 0, default));
        var onB = (await b.GetRequiredService<IWeavrSessionRegistry>().FindAsync(UserKey))!;

        await redisB.CloseAsync();

        var found = await Assert.ThrowsAsync<WeavrSessionStoreException>(async () => await b.GetRequiredService<IWeavrSessionRegistry>().FindAsync(UserKey));
        Assert.Equal(UserKey, found.UserKey);
        Assert.NotNull(found.InnerException); // what the closed connection threw
        await Assert.ThrowsAsync<WeavrSessionStoreException>(() => onB.GetAuthenticationFactorsAsync());
        Assert.Equal(WeavrSessionState.Access, (await a.GetRequiredService<IWeavrSessionRegistry>().FindAsync(UserKey))!.State);
        Assert.Equal(1, (await store.GetAsync(UserKey, default))!.Version);
    }

    [RedisFact]
    public async Task TrySetAsync_StaleVersion_IsRefused_AndTheNewerWriteSurvives()
    {
        using var redis = await RedisServer.ConnectAsync();
        await using var instance = RedisServer.Instance(redis, RedisServer.NewPrefix());
        var store = Assert.IsType<RedisWeavrSessionStore>(instance.GetRequiredService<IWeavrSessionStore>());

        Assert.True(await store.TrySetAsync(UserKey, Snapshot(1), 0, default));
        Assert.False(await store.TrySetAsync(UserKey, Snapshot(1), 0, default));
        Assert.True(await store.TrySetAsync(UserKey, Snapshot(2, WeavrSessionState.SteppedUp), 1, default));
        Assert.False(await store.TrySetAsync(UserKey, Snapshot(2, WeavrSessionState.LoggedOut), 1, default));

        var stored = (await store.GetAsync(UserKey, default))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(WeavrSessionState.SteppedUp, stored.State);
        Assert.Equal("access-token-CLEAR", stored.Token?.Reveal());
    }

    [RedisFact]
    public async Task TouchAsync_ReturnsTheVersionAndSlidesTheTtlWithoutRewriting()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var instance = RedisServer.Instance(redis, prefix);
        var store = (IVersionedWeavrSessionStore)instance.GetRequiredService<IWeavrSessionStore>();
        var db = redis.GetDatabase();
        var key = (RedisKey)(prefix + "session:" + UserKey);

        Assert.Equal(0, await store.TouchAsync(UserKey, DateTimeOffset.UtcNow, default));
        Assert.True(await store.TrySetAsync(UserKey, Snapshot(1), 0, default));
        await db.KeyExpireAsync(key, TimeSpan.FromSeconds(10));
        var before = await db.HashGetAsync(key, "d");

        Assert.Equal(1, await store.TouchAsync(UserKey, DateTimeOffset.UtcNow, default));

        var ttl = (await db.KeyTimeToLiveAsync(key))!.Value;
        Assert.True(ttl > TimeSpan.FromMinutes(4), $"TTL {ttl} was not slid to the idle timeout");
        Assert.Equal((byte[])before!, (byte[])(await db.HashGetAsync(key, "d"))!);
    }

    [RedisFact]
    public async Task RawRedisValues_NeverHoldATokenInClear()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var instance = RedisServer.Instance(redis, prefix);
        var store = (IVersionedWeavrSessionStore)instance.GetRequiredService<IWeavrSessionStore>();
        Assert.True(await store.TrySetAsync(UserKey, Snapshot(1), 0, default));

        var db = redis.GetDatabase();
        var scanned = 0;
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
            {
                scanned++;
                foreach (var entry in await db.HashGetAllAsync(key))
                {
                    var raw = Encoding.UTF8.GetString((byte[])entry.Value!);
                    Assert.DoesNotContain("CLEAR", raw);
                    Assert.DoesNotContain("token", raw, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Equal(1, scanned);
    }

    [RedisFact]
    public async Task GetAsync_ValueCopiedUnderAnotherUsersKey_IsNotHandedOut()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var instance = RedisServer.Instance(redis, prefix);
        var store = (IVersionedWeavrSessionStore)instance.GetRequiredService<IWeavrSessionStore>();
        Assert.True(await store.TrySetAsync(UserKey, Snapshot(1), 0, default));
        var db = redis.GetDatabase();
        await db.KeyCopyAsync(prefix + "session:" + UserKey, prefix + "session:mallory");

        Assert.Null(await store.GetAsync("mallory", default));
    }
}
