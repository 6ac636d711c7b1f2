using AuthClient.AotDesignFloor;
using AuthClient.Benchmarks.Raw;
using AuthClient.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Refit;

namespace AuthClient.Benchmarks.Floor;

/// <summary>
/// The floor the fixed design sets under the SDK: the three calls through a plain Refit generated client, optionally
/// behind a Polly pipeline with the SDK's call-stage strategies (total timeout → retry, Polly's telemetry on, the SDK's
/// defaults). What the SDK costs above this is AuthClient's own code; what this costs above <see cref="RawCalls"/> is
/// Refit's and Polly's.
/// </summary>
internal sealed class FloorCalls : IDisposable
{
    private static readonly RawLoginRequest Login = new(SdkJourney.Email, new RawPassword(SdkJourney.Password));
    private static readonly RawVerifyRequest Verify = new(SdkJourney.OtpCode);
    private readonly HttpClient _http;
    private readonly IFloorWeavrApi _api;

    /// <summary>Creates the floor over <paramref name="transport"/>.</summary>
    /// <param name="baseUrl">The API's base URL.</param>
    /// <param name="apiKey">The api-key default header.</param>
    /// <param name="transport">The innermost handler (canned answers or sockets).</param>
    /// <param name="withPolly">Whether the calls run through the SDK's call-stage strategies in Polly.</param>
    public FloorCalls(Uri baseUrl, string apiKey, HttpMessageHandler transport, bool withPolly)
    {
        var handler = withPolly ? new PollyHandler(CallStage(withTelemetry: true)) { InnerHandler = transport } : transport;
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/')) };
        _http.DefaultRequestHeaders.Add("api-key", apiKey);
        _api = RestService.ForGenerated<IFloorWeavrApi>(_http, new RefitSettings(new SystemTextJsonContentSerializer(RawJsonContext.Default.Options)));
    }

    /// <summary>One round: login → identities → OTP verify.</summary>
    public async Task RunAsync()
    {
        var token = await LoginAsync().ConfigureAwait(false);
        await IdentitiesAsync(token).ConfigureAwait(false);
        await VerifyAsync(token).ConfigureAwait(false);
    }

    /// <summary>Login; returns the token.</summary>
    public async Task<string> LoginAsync() => (await _api.LoginAsync(Login).ConfigureAwait(false)).Token;

    /// <summary>Identities; returns how many.</summary>
    public async Task<int> IdentitiesAsync(string token) =>
        (await _api.IdentitiesAsync("Bearer " + token).ConfigureAwait(false)).Identities.Count;

    /// <summary>OTP verify with a fresh idempotency-ref, as <see cref="RawCalls"/> sends it.</summary>
    public Task VerifyAsync(string token) => _api.VerifyAsync("SMS", Verify, "Bearer " + token, Guid.NewGuid().ToString("N"));

    /// <summary>Disposes the client and its handlers.</summary>
    public void Dispose() => _http.Dispose();

    /// <summary>The SDK's call stage in Polly: the same strategies and defaults, with or without Polly's telemetry.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CallStage(bool withTelemetry)
    {
        var defaults = new AuthClientResilienceOptions();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "floor" }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = defaults.TotalTimeout })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = defaults.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = defaults.BaseDelay,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null || (int)args.Outcome.Result!.StatusCode >= 500),
            });
        return (withTelemetry ? builder.ConfigureTelemetry(NullLoggerFactory.Instance) : builder).Build();
    }
}
