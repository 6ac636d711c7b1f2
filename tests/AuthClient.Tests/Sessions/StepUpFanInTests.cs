using System.Diagnostics;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using WireMock.ResponseBuilders;
using Xunit.Abstractions;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

/// <summary>
/// A thousand calls on one session all refused for step-up share one SMS challenge, over WireMock on 127.0.0.1. Also
/// prints what waiting costs each caller: from the moment the verify call was answered to the moment the caller's own
/// replayed call returned, next to one call on the stepped-up session alone (docs/performance.md quotes the figures; run
/// with <c>--logger "console;verbosity=detailed"</c> to see them).
/// </summary>
public sealed class StepUpFanInTests(ITestOutputHelper output) : IDisposable
{
    private const int Callers = 1_000;
    private readonly SessionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ThousandConcurrentCallsNeedingStepUp_ShareExactlyOneChallenge()
    {
        // The stubs decide from a flag the verify sets before it answers, not from a WireMock scenario: a scenario's
        // state is written after the response is built, so a late refusal could put "standard" back after the verify.
        var refused = 0;
        var steppedUp = 0;
        var allRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Stub(Delete("/authentication_factors/push/AUTHY"), Response.Create().WithCallback(_ =>
        {
            if (Volatile.Read(ref steppedUp) == 1)
            {
                return new WireMock.ResponseMessage { StatusCode = 204 };
            }

            if (Interlocked.Increment(ref refused) == Callers)
            {
                allRefused.TrySetResult();
            }

            return WeavrSessionTests.JsonMessage(403, """{"errorCode":"STEP_UP_REQUIRED"}""");
        }));
        long verifyAnsweredAt = 0;
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Response.Create().WithCallback(_ =>
        {
            Volatile.Write(ref steppedUp, 1);
            Interlocked.Exchange(ref verifyAnsweredAt, Stopwatch.GetTimestamp());
            return new WireMock.ResponseMessage { StatusCode = 204 };
        }));
        var session = await _host.SignInAsync();
        _host.Codes.Enqueue("123456");
        _host.Codes.BeforeAnswer = (_, ct) => allRefused.Task.WaitAsync(ct);

        var doneAt = new long[Callers];
        var calls = Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
        {
            var response = await session.UnlinkPushAsync(ScaChannel.Authy);
            doneAt[i] = Stopwatch.GetTimestamp();
            return response;
        })).ToArray();
        var responses = await Task.WhenAll(calls);

        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS"));
        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS/verify"));
        Assert.Single(_host.Codes.Requests);
        Assert.Equal(Callers, responses.Select(r => r.IdempotencyRef).Distinct().Count());
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);

        // For scale: one call on the stepped-up session, alone.
        var alone = Stopwatch.GetTimestamp();
        await session.UnlinkPushAsync(ScaChannel.Authy);
        var aloneMs = Stopwatch.GetElapsedTime(alone).TotalMilliseconds;
        var waits = doneAt.Select(t => Stopwatch.GetElapsedTime(verifyAnsweredAt, t).TotalMilliseconds).Order().ToArray();
        output.WriteLine(
            $"{Callers} callers, 1 challenge: after the verify answer each caller's replayed call returned in median {waits[Callers / 2]:F1} ms, " +
            $"p90 {waits[Callers * 9 / 10]:F1} ms, max {waits[^1]:F1} ms (one call alone on the stepped-up session: {aloneMs:F1} ms)");
    }
}
