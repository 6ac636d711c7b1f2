using AuthClient.Primitives;
using AuthClient.Redis.Internal;
using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace AuthClient.Redis.Tests;

/// <summary>
/// One challenge across the farm, end to end: instances (service providers) share one Redis and one emulator, whose
/// <c>GET /authentication_factors</c> needs a stepped-up token; calls on one user's session that need step-up, spread
/// over the instances, cause one OTP challenge at the emulator and all continue with the stepped-up token.
/// </summary>
public sealed class RedisFarmStepUpTests
{
    private const string Email = "ada@example.com";
    private const string UserKey = "ada";
    private const string StartPath = "/multi/stepup/challenges/otp/SMS";
    private const string VerifyPath = "/multi/stepup/challenges/otp/SMS/verify";
    private const string FactorsPath = "/multi/authentication_factors";
    private const int Calls = 30;

    [RedisFact]
    public async Task ConcurrentCallsNeedingStepUp_SpreadOverThreeInstances_OneChallengeAndAllSucceedSteppedUp()
    {
        await using var farm = await Farm.StartAsync(3);
        var token = await farm.SignInAsync(0);

        // Every call looks the session up on its instance, as a request routed there would.
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, Calls).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var session = await farm.Registry(i % 3).FindAsync(UserKey);
            var factors = await session!.GetAuthenticationFactorsAsync();
            return (Factors: factors, session.State, Token: session.Token!.Reveal());
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r =>
        {
            Assert.Contains(r.Factors, f => f.Channel == ScaChannel.Sms);
            Assert.Equal(WeavrSessionState.SteppedUp, r.State);
            Assert.Equal(token, r.Token);
        });
        farm.AssertOneChallenge();

        // Every call reached the emulator with the one token: refused before the step-up, answered after it.
        var factorCalls = farm.Sandbox.RequestLog.Where(e => e.Path == FactorsPath).ToList();
        Assert.Equal(Calls, factorCalls.Count(e => e.StatusCode == 200));
        Assert.All(factorCalls, e => Assert.Equal("Bearer " + token, e.Header("Authorization")));
        Assert.All(factorCalls, e => Assert.Contains(e.StatusCode, new[] { 200, 403 }));
    }

    [RedisFact]
    public async Task CallRefusedBeforeAnotherInstanceSteppedUp_TakesTheFreedLease_WithoutASecondChallenge()
    {
        GatedLease? gated = null;
        await using var farm = await Farm.StartAsync(2, overrides: s => s.Replace(ServiceDescriptor.Singleton<IWeavrStepUpLease>(sp =>
            gated = new GatedLease(ActivatorUtilities.CreateInstance<RedisStepUpLease>(sp)))));
        await farm.SignInAsync(0);
        var onB = (await farm.Registry(1).FindAsync(UserKey))!;
        _ = farm.Instances[1].GetRequiredService<IWeavrStepUpLease>();

        // B's call is refused; B stops just before taking the lease while A steps the same token up and releases it.
        var call = onB.GetAuthenticationFactorsAsync();
        await gated!.Entered.Task;
        var onA = (await farm.Registry(0).FindAsync(UserKey))!;
        Assert.Equal(ChallengeOutcome.Verified, (await onA.StepUpAsync()).Outcome);
        gated.Gate.SetResult();

        Assert.Contains(await call, f => f.Channel == ScaChannel.Sms);
        Assert.Equal(WeavrSessionState.SteppedUp, onB.State);
        farm.AssertOneChallenge();
    }

    /// <summary>A sandbox whose factor list needs step-up, and instances sharing it and one Redis, with OTP step-up.</summary>
    private sealed class Farm : IAsyncDisposable
    {
        private Farm(WeavrSandbox sandbox, IConnectionMultiplexer redis)
        {
            Sandbox = sandbox;
            Redis = redis;
        }

        public WeavrSandbox Sandbox { get; }

        public IConnectionMultiplexer Redis { get; }

        public List<ServiceProvider> Instances { get; } = [];

        public CountingCodeProvider Codes { get; } = new();

        public static async Task<Farm> StartAsync(int instances, Action<IServiceCollection>? overrides = null)
        {
            var sandbox = await WeavrSandbox.StartAsync(b => b
                .WithUser(u => u.Email(Email).WithSms())
                .WithRules(r => r.FactorsRequireStepUp = true));
            var farm = new Farm(sandbox, await RedisServer.ConnectAsync());
            var prefix = RedisServer.NewPrefix();
            for (var i = 0; i < instances; i++)
            {
                farm.Instances.Add(RedisServer.Instance(
                    farm.Redis,
                    prefix,
                    time: null,
                    services: s => s.AddSingleton<IOtpCodeProvider>(farm.Codes),
                    client: sandbox.ConfigureAuthClient,
                    sessions: o => o.StepUpMethod = StepUpMethod.Otp,
                    overrides: i == instances - 1 ? overrides : null));
            }

            return farm;
        }

        public IWeavrSessionRegistry Registry(int instance) => Instances[instance].GetRequiredService<IWeavrSessionRegistry>();

        /// <summary>Signs the user in with a password (a standard, not stepped-up token) and empties the emulator's log.</summary>
        public async Task<string> SignInAsync(int instance)
        {
            var session = await Registry(instance).SignInWithPasswordAsync(UserKey, Email, SandboxUser.DefaultPassword);
            Assert.Equal(WeavrSessionState.Access, session.State);
            Sandbox.ClearRequestLog();
            return session.Token!.Reveal();
        }

        public void AssertOneChallenge()
        {
            var log = Sandbox.RequestLog;
            Assert.Single(log, e => e.Path == StartPath);
            Assert.Single(log, e => e.Path == VerifyPath && e.StatusCode == 204);
            Assert.Equal(1, Codes.Count);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var instance in Instances)
            {
                await instance.DisposeAsync();
            }

            Redis.Dispose();
            await Sandbox.DisposeAsync();
        }
    }

    /// <summary>The user's front end: types the emulator's code and counts how often it was asked.</summary>
    private sealed class CountingCodeProvider : IOtpCodeProvider
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken)
        {
            Assert.Equal(UserKey, request.UserKey);
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult<Secret?>(new Secret("123456"));
        }
    }

    /// <summary>The Redis lease, held at the door: <see cref="Entered"/> when a holder comes, in once <see cref="Gate"/> opens.</summary>
    private sealed class GatedLease(IWeavrStepUpLease inner) : IWeavrStepUpLease
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string userKey, TimeSpan duration, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            return await inner.TryAcquireAsync(userKey, duration, cancellationToken);
        }

        public Task WaitReleasedAsync(string userKey, TimeSpan wait, CancellationToken cancellationToken) =>
            inner.WaitReleasedAsync(userKey, wait, cancellationToken);
    }
}
