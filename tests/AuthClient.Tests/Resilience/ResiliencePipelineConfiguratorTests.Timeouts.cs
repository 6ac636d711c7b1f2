using AuthClient.Errors;
using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthClient.Tests.Resilience;

/// <summary>Timeouts, refused connections and cancellation: when an attempt or the call runs out of time.</summary>
public sealed partial class ResiliencePipelineConfiguratorTests
{
    [Fact]
    public async Task GetIdentities_AttemptTimesOut_IsRetriedAndSucceeds()
    {
        GivenAttempts("GET", "/identities", Response.Create().WithCallback(_held.RespondAsync), Response.Create().WithStatusCode(200).WithHeader("request-ref", "rr-second").WithBody(IdentitiesBody));
        using var harness = RetryingTestHost.Create(_server.MultiUrl(), o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5));

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await _held.Arrived;
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, harness.Attempts.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Time.WaitForTimerAsync(DefaultBaseDelay);
        harness.Time.Advance(DefaultBaseDelay);
        var result = await call;

        Assert.Equal("rr-second", result.RequestRef);
        Assert.Equal(2, harness.Attempts.Count);
    }

    [Fact]
    public async Task LoginWithPassword_AttemptTimesOut_ThrowsTimeoutAfterOneAttempt()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithCallback(_held.RespondAsync));
        using var harness = RetryingTestHost.Create(_server.MultiUrl(), o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5));

        var call = harness.Weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        await _held.Arrived; // Sent: from here on the outcome is unknown.
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<AuthClientTimeoutException>(() => call);
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(1, harness.Attempts.Count);
        Assert.Equal(1, _held.Requests);
        Assert.DoesNotContain(DefaultBaseDelay, harness.Time.DueTimes);
    }

    [Fact]
    public async Task GetIdentities_TotalTimeoutElapses_ThrowsTimeout()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithCallback(_held.RespondAsync));
        using var harness = RetryingTestHost.Create(_server.MultiUrl(), o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(25);
        });

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        harness.Time.Advance(TimeSpan.FromSeconds(20)); // First attempt times out: retried (GET).
        await harness.Time.WaitForTimerAsync(DefaultBaseDelay);
        harness.Time.Advance(DefaultBaseDelay);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(20), occurrence: 2);
        Assert.Equal(2, harness.Attempts.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(4.8)); // 25 s in all: the whole call gives up mid-attempt.

        await Assert.ThrowsAsync<AuthClientTimeoutException>(() => call);
        Assert.Equal(2, harness.Attempts.Count);
    }

    [Fact]
    public async Task EnrolOtp_ConnectionRefused_ThrowsTransportExceptionForOperationsWithoutBody()
    {
        using var harness = RetryingTestHost.Create(Loopback.ClosedUrl(), o => o.Resilience.MaxRetryAttempts = 0);

        var ex = await Assert.ThrowsAsync<AuthClientTransportException>(() => harness.Weavr.EnrolOtpAsync(ScaChannel.Sms, WithToken));

        Assert.False(ex.OutcomeUnknown);
        Assert.NotNull(ex.IdempotencyRef);
        Assert.Equal(1, harness.Attempts.Count);
    }

    [Fact]
    public async Task StartOtpStepUp_EveryAttemptTimesOut_RetriesThenThrowsTimeoutWithTheIdempotencyRef()
    {
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS").UsingPost()).RespondWith(Response.Create().WithCallback(_held.RespondAsync));
        using var harness = RetryingTestHost.Create(_server.MultiUrl(), o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.MaxRetryAttempts = 1;
        });

        var call = harness.Weavr.StartOtpStepUpAsync(ScaChannel.Sms, WithToken);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Time.WaitForTimerAsync(DefaultBaseDelay);
        harness.Time.Advance(DefaultBaseDelay);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5), occurrence: 2);
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<AuthClientTimeoutException>(() => call);
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(2, harness.Attempts.Count);
        Assert.NotNull(ex.IdempotencyRef);
    }

    [Fact]
    public async Task GetIdentities_CallerCancels_ThrowsOperationCanceledWithoutRetry()
    {
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithCallback(_held.RespondAsync));
        using var harness = RetryingTestHost.Create(_server.MultiUrl());
        using var cts = new CancellationTokenSource();

        var call = harness.Weavr.GetIdentitiesAsync(options: WithToken, cancellationToken: cts.Token);
        await _held.Arrived; // The attempt is under way.
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotAssignableFrom<AuthClientException>(ex);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, harness.Attempts.Count);
        Assert.Equal(1, _held.Requests);
        Assert.DoesNotContain(DefaultBaseDelay, harness.Time.DueTimes);
    }
}
