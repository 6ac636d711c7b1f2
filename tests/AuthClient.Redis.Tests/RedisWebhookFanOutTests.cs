using AuthClient.Redis.Internal;
using AuthClient.Sessions;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Redis.Tests;

public sealed class RedisWebhookFanOutTests
{
    [RedisFact]
    public async Task WebhookReceivedOnOneInstance_CompletesTheWaiterOnAnother()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redis, prefix);
        await using var b = RedisServer.Instance(redis, prefix);
        await a.GetRequiredService<RedisWebhookFanOut>().WhenSubscribedAsync();
        var challenges = a.GetRequiredService<PendingChallengeRegistry>();
        using var waiter = challenges.ExpectStepUp("ch-42");
        var wait = waiter.WaitAsync(TimeSpan.FromMinutes(1), default);
        var (headers, body) = RedisWebhookReplayGuardTests.Signed("call-42", "ch-42");

        var received = await b.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);

        Assert.True(received.IsAccepted);
        var delivered = await wait;
        Assert.Equal("ch-42", delivered.ChallengeId);
        Assert.Equal(WebhookChallengeStatus.Verified, delivered.Status);
    }

    [RedisFact]
    public async Task EventBeforeTheInstanceSubscribed_IsKeptForTheRetentionAndHandedOver()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var b = RedisServer.Instance(redis, prefix);
        var (headers, body) = RedisWebhookReplayGuardTests.Signed("call-43", "ch-43");
        Assert.True((await b.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(WeavrWebhookKind.StepUp, headers, body)).IsAccepted);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(prefix + "early:stepup:ch-43");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), WeavrSessionDefaults.EarlyEventRetention);

        // Instance A starts after the event: it reads the retained events when it subscribes.
        await using var a = RedisServer.Instance(redis, prefix);
        await a.GetRequiredService<RedisWebhookFanOut>().WhenSubscribedAsync();
        using var waiter = a.GetRequiredService<PendingChallengeRegistry>().ExpectStepUp("ch-43");

        Assert.Equal("ch-43", (await waiter.WaitAsync(TimeSpan.FromMinutes(1), default)).ChallengeId);
    }
}
