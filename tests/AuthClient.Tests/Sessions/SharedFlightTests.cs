using AuthClient.Sessions.Internal;

namespace AuthClient.Tests.Sessions;

public sealed class SharedFlightTests
{
    [Fact]
    public async Task WaitAsync_EveryCallerLeaves_CancelsTheOperation()
    {
        var flight = new SharedFlight<int>();
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        flight.Join();
        flight.Join();
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
        flight.Join();
        flight.Join();
        _ = flight.RunAsync(_ => Task.FromException<int>(new InvalidOperationException("boom")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.WaitAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.WaitAsync(CancellationToken.None));
    }
}
