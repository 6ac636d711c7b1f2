using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AuthClient.Testing;
using Microsoft.AspNetCore.DataProtection;
using Secret = AuthClient.Primitives.Secret;
using StackExchange.Redis;

namespace AuthClient.Samples.WebFarm;

/// <summary>The numbered steps, each checked against the emulator, the instances and Redis.</summary>
internal sealed class FarmJourney
{
    private const string Ada = "ada";
    private const string AdaEmail = "ada@example.com";
    private const string Bob = "bob";
    private const string BobEmail = "bob@example.com";
    private const string Carol = "carol";
    private const string CarolEmail = "carol@example.com";
    private const string Password = "Farm-Passw0rd!";
    private const string OtpCode = "123456";
    private const int ConcurrentCalls = 30;
    private const int SignIns = 200;

    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(3);

    private readonly TextWriter _output;
    private readonly FarmSettings _farm;
    private readonly Backend[] _backends;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private FarmJourney(TextWriter output, FarmSettings farm, Backend[] backends)
    {
        _output = output;
        _farm = farm;
        _backends = backends;
    }

    private WeavrSandbox Sandbox => _farm.Sandbox;

    public static async Task<int> RunAsync(TextWriter output, string redisAddress, bool keep)
    {
        using var deadline = new CancellationTokenSource(MaxDuration);
        var ct = deadline.Token;
        var prefix = $"authclient-webfarm:{Guid.NewGuid():N}:";
        output.WriteLine($"AuthClient web farm: emulator + {Backend.Count} ASP.NET Core instances, Redis {redisAddress}, keys under '{prefix}'");
        await using var sandbox = await WeavrSandbox.StartAsync(Seed, ct);
        var farm = new FarmSettings(
            sandbox,
            redisAddress,
            prefix,
            new EphemeralDataProtectionProvider().CreateProtector("AuthClient.Samples.WebFarm"),
            new FrontEnd(new Secret(OtpCode)),
            new WebhookClock());
        var backends = new Backend[Backend.Count + 1];
        try
        {
            for (var n = 1; n <= Backend.Count; n++)
            {
                backends[n] = await Backend.StartAsync(n, farm, ct);
                output.WriteLine($"  instance {n}: {backends[n].BaseUrl} (webhooks at {backends[n].WebhookUrl.AbsolutePath})");
            }

            output.WriteLine($"  emulator: {sandbox.Url}");
            var journey = new FarmJourney(output, farm, backends);
            var failed = await journey.RunStepsAsync(ct);
            output.WriteLine(failed is null ? "\nEvery step held." : $"\nFAILED at step {failed}.");
            return failed is null ? 0 : 1;
        }
        finally
        {
            foreach (var backend in backends.Where(b => b is not null))
            {
                await backend.DisposeAsync();
            }

            await CleanUpAsync(output, redisAddress, prefix, keep);
        }
    }

    private static void Seed(SandboxBuilder sandbox)
    {
        sandbox
            .WithAutoApprovePush() // the users' phones approve every push at once
            .WithRules(r => r.FactorsRequireStepUp = true) // listing factors needs a stepped-up token, like Weavr's protected calls
            .WithUser(u => u.Email(AdaEmail).Password(Password).MobileNumber("+35699000301").WithSms().WithBiometric())
            .WithUser(u => u.Email(BobEmail).Password(Password).MobileNumber("+35699000302").WithSms())
            .WithUser(u => u.Email(CarolEmail).Password(Password).MobileNumber("+35699000303").WithSms());
        for (var i = 1; i <= SignIns; i++)
        {
            var n = i;
            sandbox.WithUser(u => u.Email(BulkEmail(n)).Password(Password).MobileNumber($"+3569910{n:0000}").WithBiometric());
        }
    }

    private static string BulkEmail(int n) => $"bio{n:000}@example.com";

    private static async Task CleanUpAsync(TextWriter output, string redisAddress, string prefix, bool keep)
    {
        if (keep)
        {
            output.WriteLine($"--keep: this run's keys are left in Redis: redis-cli -h {redisAddress.Split(':')[0]} -p {redisAddress.Split(':')[1]} --scan --pattern '{prefix}*'");
            return;
        }

        var configuration = ConfigurationOptions.Parse(redisAddress);
        configuration.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var server = redis.GetServers()[0];
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key);
        }

        if (keys.Count > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync([.. keys]);
        }

        output.WriteLine($"Removed this run's {keys.Count} keys from Redis (--keep leaves them).");
    }

    private async Task<int?> RunStepsAsync(CancellationToken ct)
    {
        (string Title, Func<CancellationToken, Task> Body)[] steps =
        [
            ("Biometric sign-in started on instance 1, its webhook delivered to instance 3", BiometricSignInAcrossInstancesAsync),
            ("The session used on instance 2", SessionOnAnotherInstanceAsync),
            ($"{ConcurrentCalls} concurrent protected calls spread over the three instances, needing step-up: one challenge", OneChallengeAcrossTheFarmAsync),
            ("Logout on instance 3, seen by instances 1 and 2", LogoutSeenEverywhereAsync),
            ("Redis connection dropped on instance 2 mid-run: a typed error there, nothing lost elsewhere", RedisDroppedOnOneInstanceAsync),
            ($"{SignIns} biometric sign-ins, each webhook delivered to another instance: webhook -> completed sign-in", WebhookToCompletionAsync),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            _output.WriteLine($"\n{i + 1}. {steps[i].Title}");
            try
            {
                await steps[i].Body(ct);
                _output.WriteLine("   ok");
            }
            catch (Exception ex)
            {
                _output.WriteLine($"   FAILED: {(ex is CheckException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}")}");
                return i + 1;
            }
        }

        return null;
    }

    // 1. The push and its webhook land on different instances: instance 3 verifies it and fans it out through Redis
    //    to instance 1, which was waiting and completes the sign-in.
    private async Task BiometricSignInAcrossInstancesAsync(CancellationToken ct)
    {
        Sandbox.WebhookUrl = _backends[3].WebhookUrl;
        var (status, answer) = await PostAsync(1, Ada, "biometric-sign-in", new BiometricSignIn(AdaEmail), ct);
        Require(status == HttpStatusCode.OK && answer.Outcome == "Verified", $"instance 1 answered {(int)status} {answer}");
        Require(answer.State == "SteppedUp", $"expected a stepped-up session after a biometric login, got {answer.State}");
        var delivery = Sandbox.WebhookDeliveries[^1];
        Require(delivery.Delivered && delivery.Url?.Port == _backends[3].BaseUrl.Port, $"the webhook went to {delivery.Url} ({delivery.StatusCode})");
        Require(_farm.Clock.Count(3) == 1 && _farm.Clock.Count(1) == 0, "the webhook did not reach instance 3 only");
        Info($"instance 1 started the sign-in; the emulator posted {delivery.Path} to instance 3 -> {delivery.StatusCode}; instance 1 completed: {answer.Outcome}, session {answer.State}");
    }

    // 2. Instance 2 never signed Ada in: it reads her session from Redis and calls Weavr with the same token.
    private async Task SessionOnAnotherInstanceAsync(CancellationToken ct)
    {
        Sandbox.ClearRequestLog();
        var (status, answer) = await GetAsync(2, Ada, "factors", ct);
        Require(status == HttpStatusCode.OK, $"instance 2 answered {(int)status} {answer}");
        var log = Sandbox.RequestLog;
        Require(!log.Any(e => e.Path.EndsWith("/login_via_biometrics", StringComparison.Ordinal) || e.Path.EndsWith("/access_token", StringComparison.Ordinal) || e.Path.Contains("/stepup/", StringComparison.Ordinal)),
            "instance 2 signed in or stepped up again instead of using the stored session");
        Require(log.Count(e => e.Path.EndsWith("/authentication_factors", StringComparison.Ordinal)) == 1, "expected exactly one call at the emulator");
        Info($"instance 2 found the session in Redis ({answer.State}) and listed {answer.Count} factors with its token: 1 call at the emulator, no new sign-in");
    }

    // 3. Bob signs in with a password (a standard token). Thirty concurrent calls, ten per instance, are refused
    //    STEP_UP_REQUIRED; one instance takes the farm-wide lease and runs one SMS challenge, the others wait for it
    //    and replay their calls with the stepped-up token.
    private async Task OneChallengeAcrossTheFarmAsync(CancellationToken ct)
    {
        var (signedIn, answer) = await PostAsync(1, Bob, "password-sign-in", new PasswordSignIn(BobEmail, Password), ct);
        Require(signedIn == HttpStatusCode.OK && answer.State == "Access", $"the password sign-in answered {(int)signedIn} {answer}");
        Sandbox.ClearRequestLog();
        var asked = _farm.FrontEnd.Asked;
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(i => GetAsync((i % Backend.Count) + 1, Bob, "factors", ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Require(results.All(r => r.Status == HttpStatusCode.OK && r.Answer.State == "SteppedUp"),
            $"not every call succeeded stepped up: {string.Join(", ", results.Select(r => $"{(int)r.Status} {r.Answer.Error ?? r.Answer.State}").Distinct())}");
        var log = Sandbox.RequestLog;
        var challenges = log.Count(e => e.Path.EndsWith("/stepup/challenges/otp/SMS", StringComparison.Ordinal));
        var verifications = log.Count(e => e.Path.EndsWith("/stepup/challenges/otp/SMS/verify", StringComparison.Ordinal));
        var refused = log.Count(e => e.Path.EndsWith("/authentication_factors", StringComparison.Ordinal) && e.StatusCode == 403);
        var tokens = log.Where(e => e.Path.EndsWith("/authentication_factors", StringComparison.Ordinal)).Select(e => e.Header("Authorization")).Distinct().Count();
        Require(challenges == 1 && verifications == 1, $"the emulator saw {challenges} step-up challenges and {verifications} verifications");
        Require(_farm.FrontEnd.Asked - asked == 1, $"the front end was asked for {_farm.FrontEnd.Asked - asked} codes");
        Require(tokens == 1, $"the calls carried {tokens} different tokens");
        Info($"{results.Length}/{ConcurrentCalls} answered 200 stepped up ({ConcurrentCalls / Backend.Count} per instance) in {elapsed.TotalMilliseconds:F0} ms");
        Info($"emulator: {refused} calls refused STEP_UP_REQUIRED, 1 SMS challenge, 1 verification, 1 code asked of the front end, 1 token throughout");
    }

    // 4. Instance 3 logs Ada out (the token is revoked at Weavr); instances 1 and 2 read that from Redis and send nothing.
    private async Task LogoutSeenEverywhereAsync(CancellationToken ct)
    {
        var (status, answer) = await PostAsync(3, Ada, "logout", null, ct);
        Require(status == HttpStatusCode.OK, $"instance 3 answered {(int)status} {answer}");
        Sandbox.ClearRequestLog();
        foreach (var n in new[] { 1, 2 })
        {
            var (_, state) = await GetAsync(n, Ada, "state", ct);
            Require(state.Outcome == "NoSession" || state.State == "LoggedOut", $"instance {n} still sees Ada's session as {state.State}");
            var (called, call) = await GetAsync(n, Ada, "factors", ct);
            Require(called != HttpStatusCode.OK, $"instance {n} still called Weavr for Ada");
            Info($"instance {n}: session {state.State ?? "gone"}; a protected call answers {(int)called} {call.Error ?? call.Outcome}");
        }

        Require(Sandbox.RequestLog.Count == 0, $"the emulator received {Sandbox.RequestLog.Count} calls after the logout");
        Info("the emulator received no call with the revoked token");
    }

    // 5. Instance 2 loses its Redis connection between two batches of calls: there, a typed WeavrSessionStoreException
    //    (503); on instances 1 and 3 every call still succeeds and a sign-in made meanwhile is kept for the farm.
    private async Task RedisDroppedOnOneInstanceAsync(CancellationToken ct)
    {
        var before = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(i => GetAsync((i % Backend.Count) + 1, Bob, "factors", ct)));
        Require(before.All(r => r.Status == HttpStatusCode.OK), "a call failed before the drop");
        await _backends[2].Redis.CloseAsync();
        Info("batch 1: 30/30 answered 200; instance 2's Redis connection closed");

        var during = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(async i =>
        {
            var n = (i % Backend.Count) + 1;
            var (status, answer) = await GetAsync(n, Bob, "factors", ct);
            return (Instance: n, Status: status, Answer: answer);
        }));
        var onTwo = during.Where(r => r.Instance == 2).ToList();
        var elsewhere = during.Where(r => r.Instance != 2).ToList();
        Require(onTwo.All(r => r.Status == HttpStatusCode.ServiceUnavailable && r.Answer.Error == "WeavrSessionStoreException"),
            $"instance 2 answered {string.Join(", ", onTwo.Select(r => $"{(int)r.Status} {r.Answer.Error}").Distinct())}");
        Require(elsewhere.All(r => r.Status == HttpStatusCode.OK && r.Answer.State == "SteppedUp"),
            $"instances 1 and 3 answered {string.Join(", ", elsewhere.Select(r => $"{(int)r.Status} {r.Answer.Error ?? r.Answer.State}").Distinct())}");
        Info($"batch 2: instance 2 -> {onTwo.Count}x 503 WeavrSessionStoreException; instances 1 and 3 -> {elsewhere.Count}/{elsewhere.Count} 200 stepped up");

        var (signedIn, carol) = await PostAsync(1, Carol, "password-sign-in", new PasswordSignIn(CarolEmail, Password), ct);
        var (_, seen) = await GetAsync(3, Carol, "state", ct);
        Require(signedIn == HttpStatusCode.OK && seen.State == carol.State, $"a sign-in on instance 1 during the outage is {seen.State} on instance 3");
        Info($"meanwhile Carol signed in on instance 1: instance 3 finds her session ({seen.State})");

        // Instance 2 restarts with a new connection and carries on from Redis.
        await _backends[2].DisposeAsync();
        _backends[2] = await Backend.StartAsync(2, _farm, ct);
        var (after, bob) = await GetAsync(2, Bob, "factors", ct);
        Require(after == HttpStatusCode.OK && bob.State == "SteppedUp", $"instance 2 after restart answered {(int)after} {bob}");
        Info($"instance 2 restarted on {_backends[2].BaseUrl}: Bob's session still {bob.State} there");
    }

    // 6. Sign-in k starts on instance k and its webhook lands on instance k+1: from the webhook reaching that instance
    //    to the sign-in completed on the first (fan-out over Redis pub/sub, the token exchange, the session stored).
    private async Task WebhookToCompletionAsync(CancellationToken ct)
    {
        var elapsed = new List<double>(SignIns);
        for (var k = 1; k <= SignIns; k++)
        {
            var start = ((k - 1) % Backend.Count) + 1;
            var hook = (start % Backend.Count) + 1;
            Sandbox.WebhookUrl = _backends[hook].WebhookUrl;
            var arrivals = _farm.Clock.Count(hook);
            var (status, answer) = await PostAsync(start, $"bulk-{k:000}", "biometric-sign-in", new BiometricSignIn(BulkEmail(k)), ct);
            Require(status == HttpStatusCode.OK && answer.Outcome == "Verified" && answer.State == "SteppedUp", $"sign-in {k} on instance {start} answered {(int)status} {answer}");
            Require(_farm.Clock.Count(hook) == arrivals + 1, $"sign-in {k}'s webhook did not reach instance {hook}");
            elapsed.Add(Stopwatch.GetElapsedTime(_farm.Clock.Last(hook), answer.CompletedAt!.Value).TotalMilliseconds);
        }

        Info($"{SignIns}/{SignIns} signed in; webhook -> completed sign-in: p50 {Percentile(elapsed, 50):F2} ms, p99 {Percentile(elapsed, 99):F2} ms, max {elapsed.Max():F2} ms");
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private Task<(HttpStatusCode Status, ApiAnswer Answer)> GetAsync(int instance, string userKey, string action, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(instance, userKey, action)), ct);

    private Task<(HttpStatusCode Status, ApiAnswer Answer)> PostAsync(int instance, string userKey, string action, object? body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(instance, userKey, action)) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) }, ct);

    private Uri Url(int instance, string userKey, string action) => new(_backends[instance].BaseUrl, $"/api/users/{userKey}/{action}");

    private async Task<(HttpStatusCode Status, ApiAnswer Answer)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, ct);
            var answer = await response.Content.ReadFromJsonAsync<ApiAnswer>(ct) ?? new ApiAnswer("Empty");
            return (response.StatusCode, answer);
        }
    }

    private void Info(string line) => _output.WriteLine($"   {line}");

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new CheckException(failure);
        }
    }

    private sealed class CheckException(string message) : Exception(message);
}
