using System.Net;
using AuthClient.Errors.Internal;
using AuthClient.Http.Internal;
using Polly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace AuthClient.Resilience.Internal;

/// <summary>
/// Builds the call stage every AuthClient HTTP client uses (total timeout → retry), outside the handlers that get
/// tokens; the per-attempt timeout is <see cref="Http.Internal.AttemptHandler"/>, inside them. Getting a token is
/// therefore bounded by the call's timeout but never turns into an attempt timeout whose outcome is unknown.
/// </summary>
internal static class ResiliencePipelineConfigurator
{
    /// <summary>
    /// Polly's telemetry for AuthClient's own pipelines: the application's <see cref="TelemetryOptions"/> (logger
    /// factory, enrichers, listeners), with every event at most <see cref="ResilienceEventSeverity.Debug"/>. Polly logs
    /// each attempt (Information, or Warning when retried): at the default Information level that was one line per
    /// attempt, where the SDK writes one per call. Polly's metrics and events are unchanged, only their log level.
    /// Called first: the last telemetry configured on a builder wins.
    /// </summary>
    public static void ConfigureQuietTelemetry(ResiliencePipelineBuilderBase builder, IServiceProvider services)
    {
        var shared = IsConfigured(services) ? services.GetService<IOptions<TelemetryOptions>>()?.Value : null;
        var telemetry = shared is null ? new TelemetryOptions() : new TelemetryOptions(shared);
        if (telemetry.LoggerFactory is NullLoggerFactory && services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            // What Polly's own DI registration does: its events reach the application's logging.
            telemetry.LoggerFactory = loggerFactory;
        }

        if (ReferenceEquals(telemetry.ResultFormatter, DefaultResultFormatter))
        {
            // The same value Polly's default formats (the status code as an int), boxed once per code instead of on
            // every event: Polly formats each result before it checks whether the log level is on.
            telemetry.ResultFormatter = static (_, result) => result is HttpResponseMessage response ? BoxedStatusCodes.Box(response.StatusCode) : result;
        }

        var inner = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args =>
            (inner?.Invoke(args) ?? args.Event.Severity) == ResilienceEventSeverity.None ? ResilienceEventSeverity.None : ResilienceEventSeverity.Debug;
        builder.ConfigureTelemetry(telemetry);
    }

    private static readonly Func<ResilienceContext, object?, object?> DefaultResultFormatter = new TelemetryOptions().ResultFormatter;

    /// <summary>Whether the application configured Polly's <see cref="TelemetryOptions"/> (<c>Configure</c>,
    /// <c>PostConfigure</c>, or Polly's own registration, which configures them). Asked first because resolving
    /// <see cref="IOptions{TOptions}"/> builds the options' generic types at run time under Native AOT; with nothing
    /// configured they would only be the defaults.</summary>
    private static bool IsConfigured(IServiceProvider services) =>
        services.GetService<IServiceProviderIsService>() is not { } registered ||
        registered.IsService(typeof(IConfigureOptions<TelemetryOptions>)) ||
        registered.IsService(typeof(IPostConfigureOptions<TelemetryOptions>));

    /// <summary>The key under which <see cref="CallResilienceHandler"/> hands the request to the retry rule.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("AuthClient.Request");

    /// <summary>
    /// Builds a client's call stage with the application's Polly telemetry (quiet) and AuthClient's options. The
    /// pipeline is named <c>{client}-{client}</c>, as Microsoft.Extensions.Http.Resilience named it before, so Polly's
    /// metrics and logs keep their <c>pipeline.name</c>.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> BuildCall(IServiceProvider services, string clientName, string programme)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"{clientName}-{clientName}" };
        ConfigureQuietTelemetry(builder, services);
        var options = DependencyInjection.Internal.ProgrammeServices.Options<DependencyInjection.AuthClientOptions>(services, programme);
        ConfigureCall(builder, options.Resilience, services.GetRequiredService<TimeProvider>());
        return builder.Build();
    }

    /// <summary>Total timeout (outermost), then retry.</summary>
    public static void ConfigureCall(ResiliencePipelineBuilder<HttpResponseMessage> builder, AuthClientResilienceOptions options, TimeProvider timeProvider)
    {
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AuthClient.Total", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "AuthClient.Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldHandle(args, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome.Result, timeProvider)),
            });
        }
    }

    private static bool ShouldHandle(RetryPredicateArguments<HttpResponseMessage> args, AuthClientResilienceOptions options, TimeProvider timeProvider)
    {
        args.Context.Properties.TryGetValue(RequestKey, out var request);
        if (!RetryClassifier.ShouldRetry(request, args.Outcome.Result, args.Outcome.Exception))
        {
            return false;
        }

        if (ServerRequestedDelay(args.Outcome.Result, timeProvider) is not { } wait)
        {
            return true;
        }

        // A server that asks for a longer wait than we are willing to block, or than the call has left, gets its answer
        // surfaced now: waiting would only end in a timeout that hides a refusal behind "outcome unknown".
        var remaining = options.TotalTimeout - (OutboundRequest.Elapsed(request, timeProvider) ?? TimeSpan.Zero);
        return wait <= options.MaxRetryAfter && wait < remaining;
    }

    private static TimeSpan? ServerRequestedDelay(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        if (response is null || response.StatusCode != HttpStatusCode.TooManyRequests && response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }

        return RateLimitHeaders.SuggestedDelay(response, timeProvider.GetUtcNow());
    }
}
