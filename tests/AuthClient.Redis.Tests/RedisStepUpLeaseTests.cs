using AuthClient.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Redis.Tests;

public sealed class RedisStepUpLeaseTests
{
    [RedisFact]
    public async Task TryAcquireAsync_OneHolderAcrossInstances_ExpiringAndReleasable()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redis, prefix);
        await using var b = RedisServer.Instance(redis, prefix);
        var onA = a.GetRequiredService<IWeavrStepUpLease>();
        var onB = b.GetRequiredService<IWeavrStepUpLease>();

        var held = await onA.TryAcquireAsync("user-1", TimeSpan.FromMinutes(1), default);
        Assert.NotNull(held);
        Assert.Null(await onB.TryAcquireAsync("user-1", TimeSpan.FromMinutes(1), default));
        Assert.NotNull(await onB.TryAcquireAsync("user-2", TimeSpan.FromMinutes(1), default));
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(prefix + "stepup:user-1");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        var released = onB.WaitReleasedAsync("user-1", TimeSpan.FromMinutes(1), default);
        Assert.False(released.IsCompleted);
        await held.DisposeAsync();
        await released;

        await using var next = await onB.TryAcquireAsync("user-1", TimeSpan.FromMinutes(1), default);
        Assert.NotNull(next);
    }

    [RedisFact]
    public async Task DisposeAsync_AfterTheLeaseWasTakenOver_DoesNotReleaseTheSuccessor()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redis, prefix);
        var lease = a.GetRequiredService<IWeavrStepUpLease>();
        var stale = (await lease.TryAcquireAsync("user-1", TimeSpan.FromMinutes(1), default))!;

        // The first holder's lease expired (simulated by deleting it) and another instance took it.
        await redis.GetDatabase().KeyDeleteAsync(prefix + "stepup:user-1");
        var successor = await lease.TryAcquireAsync("user-1", TimeSpan.FromMinutes(1), default);
        await stale.DisposeAsync();

        Assert.NotNull(successor);
        Assert.True(await redis.GetDatabase().KeyExistsAsync(prefix + "stepup:user-1"));
    }
}
