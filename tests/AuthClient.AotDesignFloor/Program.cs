// The fixed design's cold-start floor: the AOT sample's login sent through the components the design fixes — a DI
// container, IHttpClientFactory, a Refit generated client over source-generated JSON, and a Polly pipeline with the
// SDK's call-stage strategies (total timeout → retry, Polly's telemetry on) — with none of AuthClient's code (no
// options binding or validation, token handling, typed errors, logging or telemetry of its own). Takes the sample's
// --base-url and prints the same AUTHCLIENT_AOT_TIMINGS marks, so the harness measures all three binaries alike.
using AuthClient.AotDesignFloor;
using AuthClient.AotFloor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Refit;

FloorRun.Mark("main");
if (!FloorRun.TryReadBaseUrl(args, "authclient-aot-design-floor", out var baseUrl, out var exitCode))
{
    return exitCode;
}

var services = new ServiceCollection();
services.AddSingleton(_ => new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "floor" }
    .AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(60) })
    .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
    {
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromMilliseconds(200),
        BackoffType = DelayBackoffType.Exponential,
        ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null || (int)args.Outcome.Result!.StatusCode >= 500),
    })
    .ConfigureTelemetry(NullLoggerFactory.Instance)
    .Build());
services.AddHttpClient("floor", http =>
    {
        http.BaseAddress = new Uri(baseUrl);
        http.DefaultRequestHeaders.Add("api-key", Environment.GetEnvironmentVariable("WEAVR_API_KEY") ?? "floor");
    })
    .AddHttpMessageHandler(sp => new PollyHandler(sp.GetRequiredService<ResiliencePipeline<HttpResponseMessage>>()));
services.AddSingleton(sp => RestService.ForGenerated<IFloorLoginApi>(
    sp.GetRequiredService<IHttpClientFactory>().CreateClient("floor"),
    new RefitSettings(new SystemTextJsonContentSerializer(FloorJsonContext.Default.Options))));
await using var provider = services.BuildServiceProvider();
FloorRun.Mark("container-built");
var api = provider.GetRequiredService<IFloorLoginApi>();
FloorRun.Mark("client-resolved");
var answer = await api.LoginAsync(new FloorLoginBody("floor@example.com", new FloorPassword("floor")));
FloorRun.Mark("login-returned");
Console.WriteLine($"token of {answer.Token.Length} characters");
return 0;
