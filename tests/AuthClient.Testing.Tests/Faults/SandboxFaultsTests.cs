using System.Net;
using AuthClient.Errors;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr;

namespace AuthClient.Testing.Tests.Faults;

public sealed class SandboxFaultsTests : IAsyncLifetime
{
    private SandboxHarness _h = null!;

    public async Task InitializeAsync() => _h = await SandboxHarness.StartAsync(b => b.WithTestUsers());

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RespondWith_NextTwo_AnswersTheStatusTwiceThenEmulatesAgain()
    {
        _h.Sandbox.Faults.Next(2).RespondWith(503);

        var first = await _h.Raw.LoginAsync(TestUsers.Sms);
        var second = await _h.Raw.LoginAsync(TestUsers.Sms);
        var third = await _h.Raw.LoginAsync(TestUsers.Sms);

        Assert.Equal([503, 503, 200], new[] { first.Status, second.Status, third.Status });
        Assert.Equal(string.Empty, first.Body);
        Assert.NotNull(first.RequestRef);
        Assert.Equal(0, _h.Sandbox.Faults.Pending);
    }

    [Fact]
    public async Task RespondWith_ThroughTheSdk_BecomesAServerExceptionWithTheRequestRef()
    {
        _h.Sandbox.Faults.Next().RespondWith(500, """{"message":"boom"}""");

        var ex = await Assert.ThrowsAsync<WeavrServerException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(_h.Sandbox.RequestLog[^1].RequestRef, ex.RequestRef);
        Assert.Equal(["boom"], ex.Details.ServerMessages);
    }

    [Fact]
    public async Task RespondWith_SdkRetriesAnIdempotentCall_AndSucceedsAfterTheFault()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers(), o =>
        {
            o.Resilience.MaxRetryAttempts = 2;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });
        var auth = (await h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword)).Value.Token;
        h.Sandbox.Faults.Next(2).OnPath("/identities").RespondWith(503);

        var identities = await h.Client.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(auth));

        Assert.Equal(1, identities.Value.Count);
        Assert.Equal([503, 503, 200], h.Sandbox.RequestLog.Where(e => e.Path == "/multi/identities").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task OnPath_ScopesTheFaultToMatchingRequests()
    {
        _h.Sandbox.Faults.Next().OnPath("/access_token").OnMethod("POST").RespondWith(502);

        var login = await _h.Raw.LoginAsync(TestUsers.Sms);
        var access = await _h.Raw.PostAsync("/multi/access_token", "{}", login.Get("token"));

        Assert.Equal((200, 502), (login.Status, access.Status));
    }

    [Fact]
    public async Task RateLimit_Answers429WithTheRateLimitHeadersAndNoBody()
    {
        _h.Sandbox.Faults.Next().RateLimit(TimeSpan.FromMilliseconds(1500), "20, 20;w=60, 200;w=86400");

        var raw = await _h.Raw.LoginAsync(TestUsers.Sms);

        Assert.Equal((429, ""), (raw.Status, raw.Body));
        Assert.Equal("20, 20;w=60, 200;w=86400", raw.Header("x-ratelimit-limit"));
        Assert.Equal("2", raw.Header("x-ratelimit-reset"));
        Assert.Equal(TimeSpan.FromSeconds(2), raw.Headers.RetryAfter!.Delta);
        Assert.NotNull(raw.RequestRef);
    }

    [Fact]
    public async Task RateLimit_ThroughTheSdk_BecomesARateLimitedExceptionWithTheParsedHeaders()
    {
        _h.Sandbox.Faults.Next().RateLimit(TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<WeavrRateLimitedException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));

        Assert.Equal(20, ex.RateLimit.ExceededLimit);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RateLimit.Reset);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RateLimit.RetryAfter);
    }

    [Fact]
    public async Task Delay_HoldsTheRequestUntilTheSandboxClockHasAdvanced()
    {
        _h.Sandbox.Faults.Next().Delay(TimeSpan.FromSeconds(15));

        var pending = _h.Raw.LoginAsync(TestUsers.Sms);
        await _h.Sandbox.Faults.WaitForHeldRequestAsync().WaitAsync(TimeSpan.FromSeconds(15));
        _h.Time.Advance(TimeSpan.FromSeconds(14));
        Assert.False(pending.IsCompleted);
        Assert.Equal(1, _h.Sandbox.Faults.HeldRequests);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        var login = await pending.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(200, login.Status);
        Assert.Equal(0, _h.Sandbox.Faults.HeldRequests);
    }

    [Fact]
    public async Task Delay_LongerThanTheSdkAttemptTimeout_BecomesATimeoutException()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers(), o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10));
        h.Sandbox.Faults.Next().Delay(TimeSpan.FromSeconds(30));

        var login = h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword);
        await h.Sandbox.Faults.WaitForHeldRequestAsync().WaitAsync(TimeSpan.FromSeconds(15));
        h.Time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<AuthClientTimeoutException>(() => login.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task DropConnection_ClosesTheConnectionWithoutAnswering()
    {
        _h.Sandbox.Faults.Next().DropConnection();

        await Assert.ThrowsAsync<HttpRequestException>(() => _h.Raw.LoginAsync(TestUsers.Sms));
        var next = await _h.Raw.LoginAsync(TestUsers.Sms);

        Assert.Equal(200, next.Status);
        Assert.Equal([true, false], _h.Sandbox.RequestLog.Select(e => e.ConnectionDropped));
    }

    [Fact]
    public async Task DropConnection_ThroughTheSdk_BecomesATransportException()
    {
        _h.Sandbox.Faults.Next().DropConnection();

        var ex = await Assert.ThrowsAsync<AuthClientTransportException>(() => _h.Client.LoginWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword));

        Assert.True(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task DropResponse_RunsTheCall_SoAReplayWithTheSameIdempotencyRefGetsTheFirstAnswer()
    {
        var access = await _h.Raw.AccessTokenAsync(TestUsers.Sms);
        var sameRef = new Dictionary<string, string> { ["idempotency-ref"] = "issue-1" };
        _h.Sandbox.Faults.Next().OnPath("/stepup/challenges/otp/SMS").DropResponse();

        await Assert.ThrowsAsync<HttpRequestException>(() => _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef));
        var replay = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access, headers: sameRef);
        var verify = await _h.Raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"123456"}""", access);

        Assert.Equal(204, replay.Status);
        Assert.Equal(204, verify.Status); // The dropped call did issue the challenge.
    }

    [Fact]
    public void Next_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _h.Sandbox.Faults.Next(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _h.Sandbox.Faults.Next().RespondWith(99));
        Assert.Throws<ArgumentOutOfRangeException>(() => _h.Sandbox.Faults.Next().Delay(TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => _h.Sandbox.Faults.Next().OnPath(" "));
    }

    [Fact]
    public async Task Clear_RemovesQueuedFaults()
    {
        _h.Sandbox.Faults.Next(3).RespondWith(503);

        _h.Sandbox.Faults.Clear();

        Assert.Equal(200, (await _h.Raw.LoginAsync(TestUsers.Sms)).Status);
    }
}
