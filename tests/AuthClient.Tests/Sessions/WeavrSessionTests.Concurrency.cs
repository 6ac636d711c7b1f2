using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed partial class WeavrSessionTests
{
    private const int Concurrent = 100;

    [Fact]
    public async Task ExecuteAsync_HundredConcurrentCallsNeedingStepUp_ShareOneChallengeAndReplayEachOnce()
    {
        // Every first attempt is answered 403 before the user "types" the code, so all 100 need the step-up. The
        // stubs decide from a flag the verify sets before it answers, not from a WireMock scenario: a scenario's state
        // is written after the response is built, so a late refusal could put "standard" back after the verify.
        var refused = 0;
        var steppedUp = 0;
        var allRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Stub(Delete("/authentication_factors/push/AUTHY"), Response.Create().WithCallback(_ =>
        {
            if (Volatile.Read(ref steppedUp) == 1)
            {
                return new ResponseMessage { StatusCode = 204 };
            }

            if (Interlocked.Increment(ref refused) == Concurrent)
            {
                allRefused.TrySetResult();
            }

            return JsonMessage(403, StepUpRequired);
        }));
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Response.Create().WithCallback(_ =>
        {
            Volatile.Write(ref steppedUp, 1);
            return new ResponseMessage { StatusCode = 204 };
        }));
        var session = await _host.SignInAsync();
        _host.Codes.Enqueue("123456");
        _host.Codes.BeforeAnswer = (_, ct) => allRefused.Task.WaitAsync(ct);

        var calls = Enumerable.Range(0, Concurrent).Select(_ => Task.Run(() => session.UnlinkPushAsync(ScaChannel.Authy))).ToArray();
        var responses = await Task.WhenAll(calls);

        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS"));
        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS/verify"));
        Assert.Single(_host.Codes.Requests);
        var unlinks = _host.Requests("/authentication_factors/push/AUTHY", "DELETE");
        Assert.Equal(2 * Concurrent, unlinks.Count);
        var byRef = unlinks.GroupBy(e => Header(e, "idempotency-ref")).ToList();
        Assert.Equal(Concurrent, byRef.Count);
        Assert.All(byRef, g => Assert.Equal([403, 204], g.Select(e => (int)e.ResponseMessage!.StatusCode!)));
        Assert.Equal(Concurrent, responses.Select(r => r.IdempotencyRef).Distinct().Count());
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_StepUpDeclinedBeforeOtherRefusalsAreRead_TheyShareTheFailure()
    {
        const int calls = 10;
        using var host = new SessionTestHost(o => o.StepUpMethod = StepUpMethod.Push);
        var answered = 0;
        var releaseOthers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Stub(Delete("/authentication_factors/push/AUTHY"), Response.Create().WithCallback(async _ =>
        {
            // The first refusal is answered at once; the others only after the step-up it caused has failed.
            if (Interlocked.Increment(ref answered) > 1)
            {
                await releaseOthers.Task;
            }

            return JsonMessage(403, StepUpRequired);
        }));
        host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"800"}"""));
        var session = await host.SignInAsync();

        var unlinks = Enumerable.Range(0, calls).Select(_ => Task.Run(() => session.UnlinkPushAsync(ScaChannel.Authy))).ToArray();
        await host.AwaitedAsync("800", Task.WhenAll(unlinks));
        await host.Sink.HandleAsync(StepUp("800", AuthClient.Webhooks.WebhookChallengeStatus.Declined), CancellationToken.None);
        var firstDone = await Task.WhenAny(unlinks);
        Assert.Equal(ChallengeOutcome.Declined, (await Assert.ThrowsAsync<WeavrStepUpFailedException>(() => firstDone)).Result.Outcome);
        var anotherChallenge = host.Challenges.WhenAwaitedAsync("800");
        releaseOthers.SetResult();
        var allDone = Task.WhenAll(unlinks).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Same(allDone, await Task.WhenAny(allDone, anotherChallenge));

        foreach (var unlink in unlinks)
        {
            Assert.Equal(ChallengeOutcome.Declined, (await Assert.ThrowsAsync<WeavrStepUpFailedException>(() => unlink)).Result.Outcome);
        }

        Assert.Single(host.Requests("/stepup/challenges/push/AUTHY"));
        Assert.Equal(calls, host.Requests("/authentication_factors/push/AUTHY").Count);
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_HundredConcurrentCallsOnAnAuthToken_ShareOneExchange()
    {
        var store = new InMemoryWeavrSessionStore();
        await store.SetAsync(UserKey, new WeavrSessionSnapshot
        {
            UserKey = UserKey,
            State = WeavrSessionState.Authenticated,
            Token = new Secret("auth-9"),
            AuthToken = new Secret("auth-9"),
            Identities = [new UserIdentity(Consumer11, "Ada")],
            Credential = Root77,
            LastActivityAt = Start,
        }, CancellationToken.None);
        using var host = new SessionTestHost(store: store);

        // The exchange answers only once every caller is waiting for it.
        var everyoneWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Stub(Post("/access_token").WithHeader("Authorization", "Bearer auth-9"), Response.Create().WithCallback(async _ =>
        {
            await everyoneWaiting.Task;
            return JsonMessage(200, """{"token":"access-9","identity":{"type":"CONSUMER","id":"11"},"status":"STANDARD"}""");
        }));
        host.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer access-9"), Json(200, """{"factors":[]}"""));
        var session = (await host.Sessions.FindAsync(UserKey))!;
        Assert.Equal(WeavrSessionState.Authenticated, session.State);

        // Called inline: each call runs to its first await (joining the exchange) before the next starts.
        var calls = Enumerable.Range(0, Concurrent).Select(_ => session.GetAuthenticationFactorsAsync()).ToArray();
        everyoneWaiting.SetResult();
        await Task.WhenAll(calls);

        Assert.Single(host.Requests("/access_token"));
        Assert.Equal(Concurrent, host.Requests("/authentication_factors").Count);
        Assert.All(host.Requests("/authentication_factors"), e => Assert.Equal("Bearer access-9", Header(e, "Authorization")));
        Assert.Equal(WeavrSessionState.Access, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_AccessTokenRequired_ExchangesAndReplaysOnce()
    {
        // A snapshot that believes its AUTH token is an ACCESS token: Weavr answers ACCESS_TOKEN_REQUIRED.
        var store = new InMemoryWeavrSessionStore();
        await store.SetAsync(UserKey, new WeavrSessionSnapshot
        {
            UserKey = UserKey,
            State = WeavrSessionState.Access,
            Token = new Secret("auth-9"),
            AuthToken = new Secret("auth-9"),
            TokenStatus = AccessTokenStatus.Standard,
            Identity = Consumer11,
            LastActivityAt = Start,
        }, CancellationToken.None);
        using var host = new SessionTestHost(store: store);
        host.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer auth-9"), Json(403, """{"errorCode":"ACCESS_TOKEN_REQUIRED"}"""));
        host.StubAccessToken("auth-9", token: "access-9");
        host.Stub(Get("/authentication_factors").WithHeader("Authorization", "Bearer access-9"), Json(200, """{"factors":[]}"""));
        var session = (await host.Sessions.FindAsync(UserKey))!;

        await session.GetAuthenticationFactorsAsync();

        Assert.Equal(["GET /authentication_factors", "POST /access_token", "GET /authentication_factors"], host.Paths());
        Assert.Equal("access-9", session.Token!.Reveal());
    }

    [Fact]
    public async Task StepUpAsync_OneOfTwoCallersCancels_TheOtherStillGetsTheSharedOutcome()
    {
        _host.Stub(Post("/stepup/challenges/push/AUTHY"), Json(200, """{"id":"700"}"""));
        var session = await _host.SignInAsync();
        using var impatient = new CancellationTokenSource();

        var first = session.StepUpWithPushAsync(cancellationToken: impatient.Token);
        await _host.AwaitedAsync("700", first);
        var second = session.StepUpWithPushAsync();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await _host.Sink.HandleAsync(StepUp("700", AuthClient.Webhooks.WebhookChallengeStatus.Verified), CancellationToken.None);

        Assert.Equal(ChallengeOutcome.Verified, (await second).Outcome);
        Assert.Single(_host.Requests("/stepup/challenges/push/AUTHY"));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    internal static ResponseMessage JsonMessage(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
