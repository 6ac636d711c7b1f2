using AuthClient.Benchmarks.Floor;
using AuthClient.Benchmarks.Raw;
using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks.PerCall;

/// <summary>
/// Issue 12's per-call goal: each of three call shapes through the SDK's whole pipeline beside the same call written by
/// hand, both answered from memory by <see cref="CannedWeavrHandler"/> (no socket), so the ratio is the SDK's own cost.
/// Two floors run beside them: a plain Refit generated client, and the same behind Polly with the SDK's call-stage
/// strategies (<see cref="FloorCalls"/>), which is what the fixed design (Refit + Polly) costs before any AuthClient code.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    private const string AccessToken = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f";
    private static readonly WeavrCallOptions Bearer = WeavrCallOptions.WithToken(Secret.FromString(AccessToken));
    private ServiceProvider _services = null!;
    private IWeavrAuthClient _sdk = null!;
    private HttpClient _http = null!;
    private RawCalls _raw = null!;
    private FloorCalls _refit = null!;
    private FloorCalls _refitPolly = null!;

    /// <summary>Gets or sets the call stage the SDK runs with (the probes' breakdown); BenchmarkDotNet runs the SDK's own.</summary>
    internal CallStageVariant CallStage { get; set; }

    /// <summary>Registers the SDK as an application would, with the canned handler in place of the socket handler.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = CannedSdk.Create(services => CallStageVariants.Register(services, CallStage));
        _sdk = _services.GetRequiredService<IWeavrAuthClient>();
        _http = new HttpClient(new CannedWeavrHandler()) { BaseAddress = new Uri(CannedSdk.BaseUrl + "/") };
        _http.DefaultRequestHeaders.Add("api-key", CannedSdk.ApiKey);
        _raw = new RawCalls(_http);
        _refit = new FloorCalls(new Uri(CannedSdk.BaseUrl), CannedSdk.ApiKey, new CannedWeavrHandler(), withPolly: false);
        _refitPolly = new FloorCalls(new Uri(CannedSdk.BaseUrl), CannedSdk.ApiKey, new CannedWeavrHandler(), withPolly: true);

        // Fail fast if either side is broken.
        await SdkLogin();
        await SdkIdentities();
        await SdkVerify();
        await RawLogin();
        await RawIdentities();
        await RawVerify();
        await RefitLogin();
        await RefitIdentities();
        await RefitVerify();
        await RefitPollyLogin();
        await RefitPollyIdentities();
        await RefitPollyVerify();
    }

    /// <summary>Login by hand.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("login")]
    public Task<string> RawLogin() => _raw.LoginAsync();

    /// <summary>Login through a plain Refit generated client (floor).</summary>
    [Benchmark, BenchmarkCategory("login")]
    public Task<string> RefitLogin() => _refit.LoginAsync();

    /// <summary>Login through Refit behind the SDK's call-stage strategies in Polly (floor).</summary>
    [Benchmark, BenchmarkCategory("login")]
    public Task<string> RefitPollyLogin() => _refitPolly.LoginAsync();

    /// <summary>Login through the SDK.</summary>
    [Benchmark, BenchmarkCategory("login")]
    public async Task<Secret> SdkLogin() => (await _sdk.LoginWithPasswordAsync(SdkJourney.Email, SdkJourney.Password).ConfigureAwait(false)).Value.Token;

    /// <summary>Identities by hand.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("identities")]
    public Task<int> RawIdentities() => _raw.IdentitiesAsync(AccessToken);

    /// <summary>Identities through a plain Refit generated client (floor).</summary>
    [Benchmark, BenchmarkCategory("identities")]
    public Task<int> RefitIdentities() => _refit.IdentitiesAsync(AccessToken);

    /// <summary>Identities through Refit behind the SDK's call-stage strategies in Polly (floor).</summary>
    [Benchmark, BenchmarkCategory("identities")]
    public Task<int> RefitPollyIdentities() => _refitPolly.IdentitiesAsync(AccessToken);

    /// <summary>Identities through the SDK.</summary>
    [Benchmark, BenchmarkCategory("identities")]
    public async Task<int> SdkIdentities() => (await _sdk.GetIdentitiesAsync(options: Bearer).ConfigureAwait(false)).Value.Identities.Count;

    /// <summary>OTP step-up verify by hand.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("verify")]
    public Task RawVerify() => _raw.VerifyAsync(AccessToken);

    /// <summary>OTP step-up verify through a plain Refit generated client (floor).</summary>
    [Benchmark, BenchmarkCategory("verify")]
    public Task RefitVerify() => _refit.VerifyAsync(AccessToken);

    /// <summary>OTP step-up verify through Refit behind the SDK's call-stage strategies in Polly (floor).</summary>
    [Benchmark, BenchmarkCategory("verify")]
    public Task RefitPollyVerify() => _refitPolly.VerifyAsync(AccessToken);

    /// <summary>OTP step-up verify through the SDK.</summary>
    [Benchmark, BenchmarkCategory("verify")]
    public Task SdkVerify() => _sdk.VerifyOtpStepUpAsync(ScaChannel.Sms, SdkJourney.OtpCode, Bearer);

    /// <summary>Disposes the container and the baseline's client.</summary>
    [GlobalCleanup]
    public ValueTask CleanupAsync()
    {
        _http.Dispose();
        _refit.Dispose();
        _refitPolly.Dispose();
        return _services.DisposeAsync();
    }
}
