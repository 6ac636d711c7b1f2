using System.Net;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Resilience;

/// <summary>
/// The retry and timeout rules, over the wire against WireMock on 127.0.0.1. Time is a FakeTimeProvider: every test
/// waits until the client is waiting on a timer, checks what was sent so far, then moves time forward.
/// </summary>
public sealed partial class ResiliencePipelineConfiguratorTests : IDisposable
{
    private const string IdentitiesBody = """{"identities":[{"id":{"type":"CONSUMER","id":"42"},"name":"Ada"}],"count":1,"responseCount":1}""";
    private static readonly WeavrCallOptions WithToken = WeavrCallOptions.WithToken(new Secret("ops-bearer-token"));
    private static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(200);

    private readonly WireMockServer _server = Loopback.StartServer();
    private readonly HeldResponse _held = new();

    public void Dispose()
    {
        _held.Release();
        _server.Stop();
    }

    [Fact]
    public async Task VerifyOtpStepUp_503Then204_RetriesOnceWithTheSameIdempotencyRef()
    {
        GivenAttempts("POST", "/stepup/challenges/otp/SMS/verify", Response.Create().WithStatusCode(503), Response.Create().WithStatusCode(204).WithHeader("request-ref", "rr-verify"));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WithToken);
        await harness.Time.WaitForTimerAsync(DefaultBaseDelay);
        Assert.Single(_server.LogEntries);
        Assert.False(call.IsCompleted);
        harness.Time.Advance(DefaultBaseDelay);
        var result = await call;

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal("rr-verify", result.RequestRef);
        var sent = _server.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.Equal(2, sent.Count);
        var refs = sent.Select(r => Assert.Single(r.Headers!["idempotency-ref"])).ToList();
        Assert.False(string.IsNullOrEmpty(refs[0]));
        Assert.Equal(refs[0], refs[1]);
        Assert.Equal(refs[0], result.IdempotencyRef);
        Assert.All(sent, r => Assert.Equal("""{"verificationCode":"123456"}""", r.Body));
    }

    [Fact]
    public async Task VerifyOtpStepUp_CallerIdempotencyRef_IsSentOnEveryAttempt()
    {
        GivenAttempts("POST", "/stepup/challenges/otp/SMS/verify", Response.Create().WithStatusCode(502), Response.Create().WithStatusCode(204));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WithToken with { IdempotencyRef = "caller-ref-1" });
        await harness.Time.WaitForTimerAsync(DefaultBaseDelay);
        harness.Time.Advance(DefaultBaseDelay);
        var result = await call;

        Assert.Equal("caller-ref-1", result.IdempotencyRef);
        Assert.All(_server.LogEntries, e => Assert.Equal(["caller-ref-1"], e.RequestMessage!.Headers!["idempotency-ref"]));
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task GetIdentities_503UntilRetriesRunOut_BacksOffExponentiallyThenThrowsServerException()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("request-ref", "rr-503"));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        foreach (var (delay, attemptsSoFar) in new[] { (200, 1), (400, 2), (800, 3) })
        {
            await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(delay));
            Assert.Equal(attemptsSoFar, _server.LogEntries.Count());
            harness.Time.Advance(TimeSpan.FromMilliseconds(delay));
        }

        var ex = await Assert.ThrowsAsync<WeavrServerException>(() => call);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("rr-503", ex.RequestRef);
        Assert.Equal(4, _server.LogEntries.Count()); // 1 + MaxRetryAttempts (3)
    }

    [Fact]
    public async Task LoginWithPassword_500_SendsOnceAndThrowsServerException()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("request-ref", "rr-500"));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var ex = await Assert.ThrowsAsync<WeavrServerException>(() => harness.Weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!"));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("rr-500", ex.RequestRef);
        Assert.Single(_server.LogEntries);
        Assert.Equal(1, harness.Attempts.Count);
    }

    [Fact]
    public async Task Logout_503_SendsOnceBecauseItHasNoIdempotencyRef()
    {
        _server.Given(Request.Create().WithPath("/multi/logout").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        await Assert.ThrowsAsync<WeavrServerException>(() => harness.Weavr.LogoutAsync(WithToken));

        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.False(request.Headers!.ContainsKey("idempotency-ref"));
    }

    [Fact]
    public async Task RequestAccessToken_503_SendsOnceBecauseItHasNoIdempotencyRef()
    {
        _server.Given(Request.Create().WithPath("/multi/access_token").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        await Assert.ThrowsAsync<WeavrServerException>(() =>
            harness.Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Consumer, "42"), WithToken));

        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task GetIdentities_429WithRetryAfter_WaitsTheRequestedDelayThenSucceeds()
    {
        GivenAttempts("GET", "/identities", Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithHeader("x-ratelimit-reset", "7"), Response.Create().WithStatusCode(200).WithHeader("request-ref", "rr-ok").WithBody(IdentitiesBody));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.Single(_server.LogEntries);
        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Single(_server.LogEntries);
        Assert.False(call.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await call;

        Assert.Equal("Ada", Assert.Single(result.Value.Identities).Name);
        Assert.Equal("rr-ok", result.RequestRef);
        Assert.Equal(2, _server.LogEntries.Count());
        Assert.DoesNotContain(DefaultBaseDelay, harness.Time.DueTimes); // The server's delay replaced the backoff.
    }

    [Fact]
    public async Task GetIdentities_429WithRateLimitResetOnly_WaitsUntilTheResetThenSucceeds()
    {
        GivenAttempts("GET", "/identities", Response.Create().WithStatusCode(429).WithHeader("x-ratelimit-limit", "20, 10;w=60").WithHeader("x-ratelimit-reset", "2"), Response.Create().WithStatusCode(200).WithBody(IdentitiesBody));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.Single(_server.LogEntries);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await call;

        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task GetIdentities_429WithRetryAfterAboveMaxDelay_WaitsTheFullRetryAfter()
    {
        // MaxDelay (10 s) caps our own backoff, not a wait the server asked for (up to MaxRetryAfter, 30 s).
        GivenAttempts("GET", "/identities", Response.Create().WithStatusCode(429).WithHeader("Retry-After", "25"), Response.Create().WithStatusCode(200).WithBody(IdentitiesBody));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(25));
        harness.Time.Advance(TimeSpan.FromSeconds(24));
        Assert.Single(_server.LogEntries);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task GetIdentities_503WithRetryAfter_WaitsTheRequestedDelay()
    {
        GivenAttempts("GET", "/identities", Response.Create().WithStatusCode(503).WithHeader("Retry-After", "3"), Response.Create().WithStatusCode(200).WithBody(IdentitiesBody));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        Assert.Single(_server.LogEntries);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await call;

        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task GetIdentities_429WithRetryAfterDate_WaitsUntilThatTime()
    {
        // TimerRecordingTimeProvider starts at 2025-01-01T00:00:00Z, so this date is 5 s away.
        GivenAttempts("GET", "/identities", Response.Create().WithStatusCode(429).WithHeader("Retry-After", "Wed, 01 Jan 2025 00:00:05 GMT"), Response.Create().WithStatusCode(200).WithBody(IdentitiesBody));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        Assert.Single(_server.LogEntries);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await call;

        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task VerifyOtpStepUp_503WithDefaultJitter_RetriesAfterARandomisedDelayWithinMaxDelay()
    {
        GivenAttempts("POST", "/stepup/challenges/otp/SMS/verify", Response.Create().WithStatusCode(503), Response.Create().WithStatusCode(204));
        using var harness = RetryingTestHost.Create(_server.MultiUrl(), o => o.Resilience.UseJitter = true);
        static bool IsBackoff(TimeSpan due) => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(10); // Not the 10 s / 60 s timeouts.

        var call = harness.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WithToken);
        await harness.Time.WaitForTimerAsync(IsBackoff);
        var delay = harness.Time.DueTimes.Single(IsBackoff);
        Assert.Single(_server.LogEntries);
        harness.Time.Advance(delay);
        await call;

        Assert.Equal(2, _server.LogEntries.Count());
        Assert.InRange(delay, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetIdentities_429WithRetryAfterBeyondMaxRetryAfter_ThrowsRateLimitedWithoutRetrying()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429)
                .WithHeader("Retry-After", "120")
                .WithHeader("x-ratelimit-limit", "20, 10;w=60, 20;w=3600")
                .WithHeader("x-ratelimit-reset", "118")
                .WithHeader("request-ref", "rr-429"));
        using var harness = RetryingTestHost.Create(_server.MultiUrl(), o => o.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var ex = await Assert.ThrowsAsync<WeavrRateLimitedException>(() => harness.Weavr.GetIdentitiesAsync(options: WithToken));

        Assert.Single(_server.LogEntries);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("rr-429", ex.RequestRef);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RateLimit.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(118), ex.RateLimit.Reset);
        Assert.Equal(20, ex.RateLimit.ExceededLimit);
        Assert.Equal([new RateLimitPolicy(10, TimeSpan.FromMinutes(1)), new RateLimitPolicy(20, TimeSpan.FromHours(1))], ex.RateLimit.Policies);
    }

    [Fact]
    public async Task LoginWithPassword_429_IsRetriedBecauseTheServerRejectedItUnprocessed()
    {
        GivenAttempts("POST", "/login_with_password", Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"), Response.Create().WithStatusCode(200)
                .WithBody("""{"token":"ops-auth-token","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"42"},"credentials":{"type":"ROOT","id":"7"}}"""));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var call = harness.Weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.Equal(PasswordLoginOutcome.Authenticated, result.Value.Outcome);
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task LoginWithPassword_ConnectionRefused_RetriesWithBackoffThenThrowsTransportExceptionWithKnownOutcome()
    {
        using var harness = RetryingTestHost.Create(Loopback.ClosedUrl());

        var call = harness.Weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        foreach (var (delay, attemptsSoFar) in new[] { (200, 1), (400, 2), (800, 3) })
        {
            await harness.Time.WaitForTimerAsync(TimeSpan.FromMilliseconds(delay));
            Assert.Equal(attemptsSoFar, harness.Attempts.Count);
            harness.Time.Advance(TimeSpan.FromMilliseconds(delay));
        }

        var ex = await Assert.ThrowsAsync<AuthClientTransportException>(() => call);
        Assert.IsNotType<AuthClientTimeoutException>(ex);
        Assert.False(ex.OutcomeUnknown);
        Assert.Equal(4, harness.Attempts.Count);
        Assert.Contains("nothing was sent", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(423)]
    public async Task GetIdentities_ClientError_IsNeverRetried(int status)
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet()).RespondWith(Response.Create().WithStatusCode(status));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var ex = await Assert.ThrowsAnyAsync<WeavrApiException>(() => harness.Weavr.GetIdentitiesAsync(options: WithToken));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Single(_server.LogEntries);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(409)]
    public async Task VerifyOtpStepUp_ClientError_IsNeverRetriedEvenWithAnIdempotencyRef(int status)
    {
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"errorCode":"VERIFICATION_CODE_INVALID"}"""));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());

        var ex = await Assert.ThrowsAnyAsync<WeavrApiException>(() => harness.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WithToken));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.NotNull(ex.IdempotencyRef);
        Assert.Single(_server.LogEntries);
    }

    /// <summary>Answers the first attempt at <c>/multi</c><paramref name="path"/> with <paramref name="first"/>, the second with <paramref name="second"/>.</summary>
    private void GivenAttempts(string method, string path, IResponseBuilder first, IResponseBuilder second)
    {
        _server.Given(Request.Create().WithPath("/multi" + path).UsingMethod(method).WithHeader(AttemptCounter.Header, "1")).RespondWith(first);
        _server.Given(Request.Create().WithPath("/multi" + path).UsingMethod(method).WithHeader(AttemptCounter.Header, "2")).RespondWith(second);
    }
}
