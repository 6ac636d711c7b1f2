using AuthClient.Sessions.Internal;

namespace AuthClient.Tests.Sessions;

public sealed class SharedFlightTests
{
    [Fact]
    public async Task WaitAsync_EveryCallerLeaves_CancelsTheOperation()
    {
        var flight = new SharedFlight<int>();
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(flight.TryJoin());
        Assert.True(flight.TryJoin());
        var run = flight.RunAsync(async ct =>
        {
            started.SetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return 1;
        });
        var token = await started.Task;
        using var a = new CancellationTokenSource();
        using var b = new CancellationTokenSource();
        var waitA = flight.WaitAsync(a.Token);
        var waitB = flight.WaitAsync(b.Token);

        await a.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitA);
        Assert.False(token.IsCancellationRequested);
        Assert.False(flight.IsAbandoned);

        await b.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitB);
        Assert.True(token.IsCancellationRequested);
        Assert.True(flight.IsAbandoned);
        await run;
    }

    [Fact]
    public async Task WaitAsync_OperationFails_EveryCallerSeesTheFailure()
    {
        var flight = new SharedFlight<int>();
        Assert.True(flight.TryJoin());
        Assert.True(flight.TryJoin());
        _ = flight.RunAsync(_ => Task.FromException<int>(new InvalidOperationException("boom")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.WaitAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.WaitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryJoin_AfterTheLastCallerLeft_RefusesAndJoinOrStartStartsANewFlight()
    {
        SharedFlight<int>? current = null;
        var flight = SharedFlight<int>.JoinOrStart(ref current, out var created);
        Assert.True(created);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = flight.RunAsync(async ct =>
        {
            started.SetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return 1;
        });
        using var leaving = new CancellationTokenSource();
        var wait = flight.WaitAsync(leaving.Token);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        // The old flight is cancelled: a caller arriving now must not join it (it would be cancelled with it).
        Assert.True((await started.Task).IsCancellationRequested);
        Assert.False(flight.TryJoin());
        var next = SharedFlight<int>.JoinOrStart(ref current, out var createdAgain);
        Assert.True(createdAgain);
        Assert.NotSame(flight, next);
        Assert.Same(next, current);
        await run;
    }

    [Fact]
    public async Task TryJoin_WhileAnotherCallerLeaves_KeepsTheOperationRunning()
    {
        SharedFlight<int>? current = null;
        var flight = SharedFlight<int>.JoinOrStart(ref current, out _);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken operationToken = default;
        var run = flight.RunAsync(ct =>
        {
            operationToken = ct;
            return release.Task.WaitAsync(ct);
        });
        using var leaving = new CancellationTokenSource();
        var first = flight.WaitAsync(leaving.Token);

        // The joiner registers before the first caller leaves: the first caller's leaving is no longer the last.
        Assert.Same(flight, SharedFlight<int>.JoinOrStart(ref current, out var created));
        Assert.False(created);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = flight.WaitAsync(CancellationToken.None);

        Assert.False(operationToken.IsCancellationRequested);
        release.SetResult(42);
        Assert.Equal(42, await second);
        await run;
    }
}
