using System.Diagnostics;
using AuthClient.Redis.Internal;
using AuthClient.Sessions;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AuthClient.Redis.Tests;

/// <summary>
/// The farm's figures, measured against the real redis-server and printed (run with
/// <c>--logger "console;verbosity=detailed"</c> to see them): webhook verified on one instance → waiter completed on
/// another, and the per-call cost of the store's version check with TTL refresh.
/// </summary>
public sealed class RedisFarmMeasurementTests(ITestOutputHelper output)
{
    private const int Rounds = 200;

    [RedisFact]
    public async Task WebhookOnOneInstance_CompletesTheWaiterOnAnother_AndPrintsP50P99()
    {
        using var redis = await RedisServer.ConnectAsync();
        var prefix = RedisServer.NewPrefix();
        await using var a = RedisServer.Instance(redis, prefix);
        await using var b = RedisServer.Instance(redis, prefix);
        await a.GetRequiredService<RedisWebhookFanOut>().WhenSubscribedAsync();
        var challenges = a.GetRequiredService<PendingChallengeRegistry>();
        var receiver = b.GetRequiredService<WeavrWebhookReceiver>();
        var elapsed = new List<double>(Rounds);

        for (var i = 0; i < Rounds; i++)
        {
            var id = $"ch-{i}";
            using var waiter = challenges.ExpectStepUp(id);
            var wait = waiter.WaitAsync(TimeSpan.FromMinutes(1), default);
            var (headers, body) = RedisWebhookReplayGuardTests.Signed($"call-{i}", id);
            var started = Stopwatch.GetTimestamp();
            Assert.True((await receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body)).IsAccepted);
            Assert.Equal(id, (await wait).ChallengeId);
            elapsed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        output.WriteLine($"webhook -> completion across instances, {Rounds} rounds: p50 {Percentile(elapsed, 50):F2} ms, p99 {Percentile(elapsed, 99):F2} ms");
        Assert.Equal(Rounds, elapsed.Count);
    }

    [RedisFact]
    public async Task VersionCheckWithTtlRefresh_PrintsItsPerCallCost()
    {
        using var redis = await RedisServer.ConnectAsync();
        await using var a = RedisServer.Instance(redis, RedisServer.NewPrefix());
        var store = (IVersionedWeavrSessionStore)a.GetRequiredService<IWeavrSessionStore>();
        Assert.True(await store.TrySetAsync("user-1", new WeavrSessionSnapshot { UserKey = "user-1", State = WeavrSessionState.Anonymous, Version = 1 }, 0, default));
        var elapsed = new List<double>(1000);

        for (var i = 0; i < 1000; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Assert.Equal(1, await store.TouchAsync("user-1", DateTimeOffset.UtcNow, default));
            elapsed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        output.WriteLine($"version check + TTL refresh per call, 1000 calls: p50 {Percentile(elapsed, 50):F3} ms, p99 {Percentile(elapsed, 99):F3} ms");
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
    }
}
