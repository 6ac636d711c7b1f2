using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Sessions.Internal;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

/// <summary>Runs alone: the figures are the process's managed heap, which other tests would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}

/// <summary>
/// The memory of many idle in-process sessions (the registry's sessions and the in-memory store's snapshots) before
/// and after the idle eviction, measured on the managed heap after a full collection and printed (run with
/// <c>--logger "console;verbosity=detailed"</c> to see the figures). The clock is a <see cref="FakeTimeProvider"/>.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class SessionMemoryMeasurementTests(ITestOutputHelper output)
{
    private const int Sessions = 100_000;

    [Fact]
    public async Task HundredThousandIdleSessions_AreEvicted_AndTheirMemoryIsReturned()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryWeavrSessionStore(time, Options.Create(new WeavrSessionOptions()));
        using var host = new SessionTestHost(store: store, time: time);
        var registry = (WeavrSessionRegistry)host.Sessions;
        Assert.Null(await registry.FindAsync("warm-up"));
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        // Each user signed in on this instance once (a stored snapshot with tokens) and was found by a request since.
        for (var i = 0; i < Sessions; i++)
        {
            var userKey = $"user-{i:000000}";
            await store.SetAsync(userKey, new WeavrSessionSnapshot
            {
                UserKey = userKey,
                State = WeavrSessionState.Access,
                Token = new Secret($"access-token-{i:000000}-0123456789abcdef0123456789abcdef"),
                AuthToken = new Secret($"auth-token-{i:000000}-0123456789abcdef0123456789abcdef"),
                TokenStatus = AccessTokenStatus.Standard,
                Identity = new IdentityId(IdentityType.Consumer, $"11{i:000000}"),
                LastActivityAt = Start,
                Version = 1,
            }, CancellationToken.None);
            Assert.NotNull(await registry.FindAsync(userKey));
        }

        Assert.Equal(Sessions, registry.LiveCount);
        Assert.Equal(Sessions, store.Count);
        var loaded = GC.GetTotalMemory(forceFullCollection: true);

        // Twice the idle timeout later, the next lookup sweeps the registry; the store sweeps itself.
        time.Advance(new WeavrSessionOptions().IdleTimeout * 2);
        Assert.Null(await registry.FindAsync("someone-else"));
        Assert.Equal(0, registry.LiveCount);
        Assert.Equal(0, store.Count);
        var evicted = GC.GetTotalMemory(forceFullCollection: true);

        var perSession = (loaded - baseline) / (double)Sessions;
        output.WriteLine(
            $"{Sessions:N0} idle sessions (registry + in-memory store): baseline {Mb(baseline)}, loaded {Mb(loaded)} " +
            $"(+{Mb(loaded - baseline)}, {perSession:F0} bytes per session), after eviction {Mb(evicted)} ({Mb(evicted - baseline)} above baseline)");
        Assert.True(loaded - baseline > Sessions * 100L, "100k sessions should take measurable memory");
        Assert.True(evicted - baseline < (loaded - baseline) / 10, $"{Mb(evicted - baseline)} still held after eviction");
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
