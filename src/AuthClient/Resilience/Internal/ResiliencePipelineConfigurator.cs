using System.Net;
using AuthClient.Errors.Internal;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AuthClient.Resilience.Internal;

/// <summary>Builds the retry and timeout pipeline every AuthClient HTTP client uses.</summary>
internal static class ResiliencePipelineConfigurator
{
    /// <summary>Total timeout (outermost) → retry → per-attempt timeout (innermost).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AuthClientResilienceOptions options, TimeProvider timeProvider)
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

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AuthClient.Attempt", Timeout = options.AttemptTimeout });
    }

    private static bool ShouldHandle(RetryPredicateArguments<HttpResponseMessage> args, AuthClientResilienceOptions options, TimeProvider timeProvider)
    {
        var request = args.Context.GetRequestMessage();
        if (!RetryClassifier.ShouldRetry(request, args.Outcome.Result, args.Outcome.Exception))
        {
            return false;
        }

        // A server that asks for a longer wait than we are willing to block gets its 429 surfaced instead.
        return ServerRequestedDelay(args.Outcome.Result, timeProvider) is not { } wait || wait <= options.MaxRetryAfter;
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
