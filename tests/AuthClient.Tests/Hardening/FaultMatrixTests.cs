using AuthClient.Errors;
using AuthClient.Tests.Support;

namespace AuthClient.Tests.Hardening;

/// <summary>
/// Every fault in <see cref="FaultMatrix"/> against every <see cref="EndpointKind"/>, over a real socket
/// (<see cref="HostileServer"/>) with the real <c>AddAuthClient</c> pipeline. Each run asserts the typed outcome, the
/// "outcome unknown" flag, how many requests the server saw, that retries re-sent the same idempotency-ref and the same
/// bytes with a Content-Length, that nothing reached a redirect's target, that no secret is in the exception, and that
/// the call ended within the total timeout on the fake clock (the driver moves the clock only when the client waits).
/// </summary>
public sealed class FaultMatrixTests
{
    public const string ApiKey = "canary-api-key-3141";
    public const string ClientSecret = "canary-client-secret-2718";
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fault in FaultMatrix.All)
        {
            foreach (var kind in EndpointKind.All)
            {
                data.Add(fault.Name, kind.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_CoversAtLeastFortyFaultsOnEveryEndpointKind()
    {
        Assert.True(FaultMatrix.All.Count >= 40, $"{FaultMatrix.All.Count} faults");
        Assert.Equal(FaultMatrix.All.Count, FaultMatrix.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(6, EndpointKind.All.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_OnEndpointKind_EndsAsTheRuleSays(string faultName, string kindName)
    {
        var fault = FaultMatrix.All.Single(f => f.Name == faultName);
        var kind = EndpointKind.All.Single(k => k.Name == kindName);
        var expected = fault.Expect(kind);

        await using var trap = new HostileServer(r => Faults.Status(200, "{}"));
        var faultPhase = false;
        var attempt = 0;
        await using var server = new HostileServer(request =>
        {
            if (request.Path != kind.Path)
            {
                return Faults.Ok(EndpointKind.TransmitToken); // the Transmit call's token: always issued
            }

            return faultPhase ? fault.Script(kind, Interlocked.Increment(ref attempt), trap.BaseUrl) : Faults.Ok(kind);
        });
        var time = new TimerRecordingTimeProvider();
        using var host = CreateHost(server.BaseUrl, time);

        if (fault.WarmUp)
        {
            await kind.Invoke(host.Provider, CancellationToken.None).WaitAsync(HangGuard);
        }

        var warmUpRequests = server.RequestsTo(kind.Path).Count;
        faultPhase = true;
        var started = time.GetUtcNow();
        var outcome = await DriveAsync(kind.Invoke(host.Provider, CancellationToken.None), server, time);
        var elapsed = time.GetUtcNow() - started;

        var requests = server.RequestsTo(kind.Path).Skip(warmUpRequests).ToList();
        AssertOutcome(expected, outcome);
        Assert.Equal(expected.Attempts, requests.Count);
        Assert.Equal(0, trap.Connections);
        Assert.True(elapsed <= TotalTimeout, $"the call ended after {elapsed} on the fake clock");
        AssertWire(kind, requests);
        if (outcome is not null)
        {
            AssertNoSecret(outcome.ToString());
        }
    }

    internal static AuthClientTestHost CreateHost(Uri baseUrl, TimeProvider time) =>
        new(baseUrl: new Uri(baseUrl, "/multi"), apiKey: ApiKey, time: time, retries: true, configure: o =>
        {
            o.Resilience.BaseDelay = TimeSpan.Zero;
            o.Resilience.AttemptTimeout = AttemptTimeout;
            o.Resilience.TotalTimeout = TotalTimeout;
            o.Transmit.BaseUrl = new Uri(baseUrl, "/cis");
            o.Transmit.ClientId = "canary-client-id";
            o.Transmit.ClientSecret = ClientSecret;
        });

    /// <summary>
    /// Runs the call to its end, moving the fake clock only when the client is waiting on it: by the attempt timeout
    /// (capped at the time the call has left) when the server announces a stall, and by a retry delay once the client
    /// has armed it. Returns the exception, or null on success.
    /// </summary>
    internal static async Task<Exception?> DriveAsync(Task call, HostileServer server, TimerRecordingTimeProvider time)
    {
        var started = time.GetUtcNow();
        var stalls = 0;
        var delays = 0;
        // The matrix's server-requested waits are 1-2 s; other timers (a session's persist timeout, say) are not ours to fire.
        static bool IsRetryDelay(TimeSpan due) => due > TimeSpan.Zero && due <= TimeSpan.FromSeconds(2);
        while (!call.IsCompleted)
        {
            var stall = server.WaitForStallAsync(stalls + 1);
            var delay = time.WaitForTimerAsync(IsRetryDelay, delays + 1);
            var next = await Task.WhenAny(call, stall, delay).WaitAsync(HangGuard);
            if (next == call)
            {
                break;
            }

            if (next == stall)
            {
                stalls++;
                var left = TotalTimeout - (time.GetUtcNow() - started);
                time.Advance(left < AttemptTimeout ? left : AttemptTimeout);
            }
            else
            {
                await delay; // surfaces the guard's TimeoutException rather than advancing on a hung test
                delays++;
                time.Advance(time.DueTimes.Where(IsRetryDelay).ElementAt(delays - 1));
            }
        }

        try
        {
            await call;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static void AssertOutcome(Expectation expected, Exception? outcome)
    {
        if (expected.Exception is null)
        {
            Assert.True(outcome is null, $"expected success, got {outcome}");
            return;
        }

        Assert.NotNull(outcome);
        if (expected.ApiStatus is { } status)
        {
            var api = Assert.IsAssignableFrom<AuthClientApiException>(outcome);
            Assert.Equal(status, (int)api.StatusCode);
        }
        else
        {
            Assert.True(expected.Exception == outcome.GetType(), $"expected {expected.Exception.Name}, got {outcome}");
        }

        if (expected.OutcomeUnknown is { } unknown)
        {
            Assert.Equal(unknown, Assert.IsAssignableFrom<AuthClientTransportException>(outcome).OutcomeUnknown);
        }
    }

    private static void AssertWire(EndpointKind kind, IReadOnlyList<RecordedRequest> requests)
    {
        foreach (var request in requests)
        {
            Assert.StartsWith("AuthClient/", request.Header("user-agent"));
            Assert.False(request.Chunked, "the body was sent chunked");
            Assert.NotNull(request.Header("content-length") ?? (request.Method == "GET" ? "none needed" : null));
        }

        // Every retry re-sends the same bytes and, where the operation declares one, the same idempotency-ref.
        Assert.Single(requests.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Single(requests.Select(r => r.Header("idempotency-ref") ?? "").Distinct());
        if (kind == EndpointKind.WeavrIdempotentPost)
        {
            Assert.NotNull(requests[0].Header("idempotency-ref"));
        }
    }

    internal static void AssertNoSecret(string text)
    {
        string[] secrets = [ApiKey, ClientSecret, EndpointKind.Password, EndpointKind.Bearer.Reveal(), "canary-auth-token-0042", "canary-client-token-9911"];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
