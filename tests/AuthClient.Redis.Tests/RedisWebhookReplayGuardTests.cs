using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Redis.Tests;

public sealed class RedisWebhookReplayGuardTests
{
    [RedisFact]
    public async Task TryBeginAsync_ProcessingThenDone_AcrossInstances()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redis, prefix);
        await using var b = RedisServer.Instance(redis, prefix);
        var onA = a.GetRequiredService<IWebhookReplayGuard>();
        var onB = b.GetRequiredService<IWebhookReplayGuard>();
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(10);

        Assert.Equal(WebhookReplayStatus.Started, await onA.TryBeginAsync("call-1", expiresAt, default));
        Assert.Equal(WebhookReplayStatus.InProgress, await onB.TryBeginAsync("call-1", expiresAt, default));

        // Processing expires by itself: a crashed holder never blocks the redelivery for longer.
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(prefix + "webhook:call-1");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), WeavrRedisDefaults.ReplayProcessingTimeout);

        await onA.CompleteAsync("call-1", expiresAt, default);
        Assert.Equal(WebhookReplayStatus.Done, await onB.TryBeginAsync("call-1", expiresAt, default));
        Assert.False(await onB.TryRegisterAsync("call-1", expiresAt, default));
    }

    [RedisFact]
    public async Task ReleaseAsync_AfterAFailedDispatch_LetsTheRedeliveryThrough()
    {
        using var redis = await RedisServer.ConnectAsync();
        await using var a = RedisServer.Instance(redis, RedisServer.NewPrefix());
        var guard = a.GetRequiredService<IWebhookReplayGuard>();
        var expiresAt = DateTimeOffset.UtcNow.AddMinutes(10);

        Assert.Equal(WebhookReplayStatus.Started, await guard.TryBeginAsync("call-2", expiresAt, default));
        await guard.ReleaseAsync("call-2", default);

        Assert.Equal(WebhookReplayStatus.Started, await guard.TryBeginAsync("call-2", expiresAt, default));
    }

    [RedisFact]
    public async Task Receiver_RedeliveryWhileTheFirstIsProcessing_Answers409_AndASinkFailureNeverMarksDone()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        var sink = new BlockingSink();
        await using var a = RedisServer.Instance(redis, prefix, services: s => s.AddSingleton<IWeavrWebhookEventSink>(sink));
        await using var b = RedisServer.Instance(redis, prefix);
        var (headers, body) = Signed("call-3");

        var first = a.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(WeavrWebhookKind.StepUp, headers, body).AsTask();
        await sink.Entered.Task;
        var redelivered = await b.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);
        Assert.Equal(409, redelivered.RecommendedStatusCode);
        Assert.Equal(WebhookRejectionReason.InProgress, redelivered.RejectionReason);

        sink.Release.SetException(new InvalidOperationException("sink down"));
        Assert.Equal(500, (await first).RecommendedStatusCode);

        // Not done: Weavr's next redelivery is handled (here on instance B) and then done.
        var retried = await b.GetRequiredService<WeavrWebhookReceiver>().ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);
        Assert.Equal(204, retried.RecommendedStatusCode);
        Assert.True(retried.IsAccepted);
        Assert.Equal("done", (string?)await redis.GetDatabase().StringGetAsync(prefix + "webhook:call-3"));
    }

    internal static (WeavrWebhookHeaders Headers, byte[] Body) Signed(string callRef, string challengeId = "ch-1")
    {
        var stepUp = new StepUpEvent
        {
            CallRef = callRef,
            PublishedAt = DateTimeOffset.UtcNow,
            ChallengeId = challengeId,
            Type = StepUpEventTypes.AuthyPush,
            Status = WebhookChallengeStatus.Verified,
        };
        var body = WeavrWebhookSerializer.SerializeToUtf8Bytes(stepUp);
        var headers = WeavrWebhookSigner.CreateHeaders("test-api-key", callRef, body, stepUp.PublishedAt);
        return (headers, body);
    }

    private sealed class BlockingSink : IWeavrWebhookEventSink
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task;
        }
    }
}
