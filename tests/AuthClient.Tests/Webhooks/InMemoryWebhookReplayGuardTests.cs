using AuthClient.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Tests.Webhooks;

public sealed class InMemoryWebhookReplayGuardTests
{
    private readonly FakeTimeProvider _time = new(WebhookTestKit.Start);

    [Fact]
    public async Task TryRegisterAsync_NewThenSame_TrueThenFalse()
    {
        var guard = new InMemoryWebhookReplayGuard(_time);
        var expiry = _time.GetUtcNow().AddMinutes(10);

        Assert.True(await guard.TryRegisterAsync("a", expiry, CancellationToken.None));
        Assert.False(await guard.TryRegisterAsync("a", expiry, CancellationToken.None));
        Assert.True(await guard.TryRegisterAsync("b", expiry, CancellationToken.None));
        Assert.True(await guard.TryRegisterAsync("A", expiry, CancellationToken.None)); // ordinal, case-sensitive
        Assert.Equal(3, guard.Count);
    }

    [Fact]
    public async Task TryRegisterAsync_UntilAndIncludingExpiry_StillRegistered_ThenForgotten()
    {
        var guard = new InMemoryWebhookReplayGuard(_time);
        var expiry = _time.GetUtcNow().AddMinutes(10);
        await guard.TryRegisterAsync("a", expiry, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(10));
        var atExpiry = await guard.TryRegisterAsync("a", expiry, CancellationToken.None);
        _time.Advance(TimeSpan.FromTicks(1));
        var afterExpiry = await guard.TryRegisterAsync("a", _time.GetUtcNow().AddMinutes(1), CancellationToken.None);

        Assert.False(atExpiry);
        Assert.True(afterExpiry);
    }

    [Fact]
    public async Task Count_ExpiredEntries_AreEvicted()
    {
        var guard = new InMemoryWebhookReplayGuard(_time);
        for (var i = 0; i < 50; i++)
        {
            await guard.TryRegisterAsync($"cr-{i}", _time.GetUtcNow().AddSeconds(i), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(24.5));

        Assert.Equal(25, guard.Count);
    }

    [Fact]
    public async Task ReleaseAsync_RegisteredCallRef_CanRegisterAgain()
    {
        var guard = new InMemoryWebhookReplayGuard(_time);
        var expiry = _time.GetUtcNow().AddMinutes(10);
        await guard.TryRegisterAsync("a", expiry, CancellationToken.None);

        await guard.ReleaseAsync("a", CancellationToken.None);

        Assert.Equal(0, guard.Count);
        Assert.True(await guard.TryRegisterAsync("a", expiry, CancellationToken.None));
        Assert.False(await guard.TryRegisterAsync("a", expiry, CancellationToken.None));
    }

    [Fact]
    public async Task TryRegisterAsync_AtCapacity_DropsTheRegistrationThatExpiresSoonest()
    {
        var guard = new InMemoryWebhookReplayGuard(_time, capacity: 2);
        var now = _time.GetUtcNow();
        await guard.TryRegisterAsync("late", now.AddMinutes(10), CancellationToken.None);
        await guard.TryRegisterAsync("soon", now.AddMinutes(5), CancellationToken.None);

        Assert.True(await guard.TryRegisterAsync("new", now.AddMinutes(7), CancellationToken.None));

        Assert.Equal(2, guard.Count);
        Assert.False(await guard.TryRegisterAsync("late", now.AddMinutes(10), CancellationToken.None));
        Assert.False(await guard.TryRegisterAsync("new", now.AddMinutes(7), CancellationToken.None));
    }

    [Fact]
    public async Task TryRegisterAsync_ManyReleasesAndReRegistrations_StaysConsistentAndBounded()
    {
        var guard = new InMemoryWebhookReplayGuard(_time, capacity: 10);
        for (var i = 0; i < 1_000; i++)
        {
            var callRef = $"cr-{i % 20}";
            await guard.TryRegisterAsync(callRef, _time.GetUtcNow().AddMinutes(1 + (i % 7)), CancellationToken.None);
            if (i % 3 == 0)
            {
                await guard.ReleaseAsync(callRef, CancellationToken.None);
            }
        }

        Assert.InRange(guard.Count, 1, 10);
        _time.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(0, guard.Count);
    }

    [Fact]
    public async Task TryRegisterAsync_ConcurrentSameCallRef_ExactlyOneWins()
    {
        var guard = new InMemoryWebhookReplayGuard(_time);
        var expiry = _time.GetUtcNow().AddMinutes(10);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await guard.TryRegisterAsync("same", expiry, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Arguments_Invalid_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryWebhookReplayGuard(_time, capacity: 0));
        Assert.Throws<ArgumentNullException>(() => new InMemoryWebhookReplayGuard(null!));
        var guard = new InMemoryWebhookReplayGuard(_time);
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(async () => await guard.TryRegisterAsync("", _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal("callRef", ex.ParamName);
    }
}
