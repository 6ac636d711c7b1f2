using AuthClient.DependencyInjection;
using AuthClient.Primitives;
using AuthClient.Sessions;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Testing.Tests.Sessions;

/// <summary>
/// The step-up replay against the emulator, over the wire: whether or not Weavr remembers a refused call under its
/// idempotency-ref (<see cref="SandboxRules.RememberRefusedCalls"/>), the call runs exactly once.
/// </summary>
public sealed class SandboxSessionStepUpReplayTests
{
    private const string UnlinkAuthy = "/multi/authentication_factors/push/AUTHY";

    [Fact]
    public async Task ExecuteAsync_RefusalNotRemembered_ReplaysUnderTheSameRef()
    {
        await using var h = await SessionSandbox.StartAsync(rememberRefusedCalls: false);
        var session = await h.SignInAsync(TestUsers.Authy);

        var response = await session.ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(ScaChannel.Authy, options, ct), "unlink-1");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var unlinks = h.Sandbox.RequestLog.Where(e => e.Path == UnlinkAuthy).ToList();
        Assert.Equal([403, 204], unlinks.Select(e => e.StatusCode));
        Assert.Equal(["unlink-1", "unlink-1"], unlinks.Select(e => e.Header("idempotency-ref")));
        Assert.Equal("unlink-1", response.IdempotencyRef);
        Assert.Null(h.Sandbox.GetUser(TestUsers.Authy).GetFactorStatus(ScaChannel.Authy));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    [Fact]
    public async Task ExecuteAsync_RefusalRemembered_RetriesOnceUnderAFreshRefAndTheCallRunsOnce()
    {
        await using var h = await SessionSandbox.StartAsync(rememberRefusedCalls: true);
        var session = await h.SignInAsync(TestUsers.Authy);

        var response = await session.ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(ScaChannel.Authy, options, ct), "unlink-1");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var unlinks = h.Sandbox.RequestLog.Where(e => e.Path == UnlinkAuthy).ToList();
        Assert.Equal([403, 403, 204], unlinks.Select(e => e.StatusCode));
        var refs = unlinks.Select(e => e.Header("idempotency-ref")).ToList();
        Assert.Equal(["unlink-1", "unlink-1"], refs.Take(2));
        Assert.NotEqual("unlink-1", refs[2]);
        Assert.Equal(refs[2], response.IdempotencyRef);
        Assert.Single(h.Sandbox.RequestLog, e => e.Path == "/multi/stepup/challenges/otp/SMS/verify");
        Assert.Null(h.Sandbox.GetUser(TestUsers.Authy).GetFactorStatus(ScaChannel.Authy));
    }

    [Fact]
    public async Task RememberRefusedCalls_SameRefAfterStepUp_AnswersTheSame403_AFreshRefRuns()
    {
        await using var h = await SessionSandbox.StartAsync(rememberRefusedCalls: true);
        var raw = new RawClient(h.Sandbox);
        var access = await raw.AccessTokenAsync(TestUsers.Authy);
        var sameRef = new Dictionary<string, string> { ["idempotency-ref"] = "unlink-1" };

        var refused = await raw.SendAsync(HttpMethod.Delete, UnlinkAuthy, token: access, headers: sameRef);
        Assert.Equal(204, (await raw.PostAsync("/multi/stepup/challenges/otp/SMS", token: access)).Status);
        Assert.Equal(204, (await raw.PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"123456"}""", access)).Status);
        var replayed = await raw.SendAsync(HttpMethod.Delete, UnlinkAuthy, token: access, headers: sameRef);
        var fresh = await raw.SendAsync(HttpMethod.Delete, UnlinkAuthy, token: access, headers: new Dictionary<string, string> { ["idempotency-ref"] = "unlink-2" });

        Assert.Equal((403, "STEP_UP_REQUIRED"), (refused.Status, refused.Get("errorCode")));
        Assert.Equal((403, "STEP_UP_REQUIRED"), (replayed.Status, replayed.Get("errorCode")));
        Assert.Equal(204, fresh.Status);
        raw.Dispose();
    }

    /// <summary>The emulator and the SDK with sessions (SMS OTP step-up answered 123456) on one fake clock.</summary>
    internal sealed class SessionSandbox : IAsyncDisposable
    {
        private SessionSandbox(FakeTimeProvider time, WeavrSandbox sandbox, ServiceProvider services)
        {
            Time = time;
            Sandbox = sandbox;
            Services = services;
        }

        public FakeTimeProvider Time { get; }

        public WeavrSandbox Sandbox { get; }

        public ServiceProvider Services { get; }

        public IWeavrSessionRegistry Sessions => Services.GetRequiredService<IWeavrSessionRegistry>();

        public static async Task<SessionSandbox> StartAsync(bool rememberRefusedCalls = false, Action<SandboxBuilder>? configure = null)
        {
            var time = new FakeTimeProvider(SandboxHarness.Start);
            var sandbox = await WeavrSandbox.StartAsync(b =>
            {
                b.WithTimeProvider(time).WithTestUsers().WithRules(r => r.RememberRefusedCalls = rememberRefusedCalls);
                configure?.Invoke(b);
            });
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IOtpCodeProvider>(new SandboxCode());
            services.AddAuthClient(o =>
            {
                sandbox.ConfigureAuthClient(o);
                o.Resilience.MaxRetryAttempts = 0;
            }).AddSessions(o => o.StepUpMethod = StepUpMethod.Otp);
            return new SessionSandbox(time, sandbox, services.BuildServiceProvider());
        }

        public async Task<IWeavrSession> SignInAsync(string email) =>
            await Sessions.SignInWithPasswordAsync(email, email, SandboxUser.DefaultPassword);

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Sandbox.DisposeAsync();
        }

        private sealed class SandboxCode : IOtpCodeProvider
        {
            public ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken) =>
                ValueTask.FromResult<Secret?>(new Secret("123456"));
        }
    }
}
