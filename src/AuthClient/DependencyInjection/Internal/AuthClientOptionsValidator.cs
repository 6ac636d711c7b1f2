using AuthClient.Resilience;
using AuthClient.Transmit.Internal;
using AuthClient.Weavr;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>Checks the options at start-up so a misconfiguration fails fast with every problem listed.</summary>
/// <param name="requirements">Features that need Weavr whatever else is configured (sessions), per programme.</param>
internal sealed class AuthClientOptionsValidator(IEnumerable<WeavrApiKeyRequirement> requirements) : IValidateOptions<AuthClientOptions>
{
    /// <summary>Polly's smallest timeout.</summary>
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>Polly's largest timeout and retry delay.</summary>
    internal static readonly TimeSpan MaxPollyTimeSpan = TimeSpan.FromHours(24);

    /// <summary>Our own ceiling for one attempt: a longer one is a misconfiguration, not a slow server.</summary>
    private static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(5);

    public AuthClientOptionsValidator()
        : this([])
    {
    }

    public ValidateOptionsResult Validate(string? name, AuthClientOptions options)
    {
        var failures = new List<string>();
        if (!options.Weavr.HasExplicitBaseUrl && !Enum.IsDefined(options.Weavr.Environment))
        {
            failures.Add($"Weavr.Environment must be one of {string.Join(", ", Enum.GetNames<WeavrEnvironment>())} (or set Weavr.BaseUrl).");
        }
        else
        {
            CheckBaseUrl(options.Weavr.BaseUrl, "Weavr.BaseUrl", failures);
        }

        // The api key is optional only for an app that uses Transmit alone: Transmit configured, nothing that calls
        // Weavr registered. Such an app still fails, typed, when it resolves IWeavrAuthClient.
        var programme = name ?? Options.DefaultName;
        if (!options.Weavr.HasApiKey)
        {
            var neededBy = requirements.FirstOrDefault(r => r.Programme == programme)?.NeededBy;
            if (neededBy is not null)
            {
                failures.Add(WeavrClientFactory.MissingApiKey(programme, neededBy));
            }
            else if (!options.Transmit.HasClientCredentials)
            {
                failures.Add("Weavr.ApiKey is required (the api key of your Weavr API client; an app that only uses Transmit may leave it unset once Transmit.ClientId and ClientSecret are set).");
            }
        }

        TransmitOptionsValidation.Validate(options.Transmit, failures);

        ValidateResilience(options.Resilience, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// The ranges Polly 8 enforces when it builds the pipeline (<c>TimeoutStrategyOptions.Timeout</c> 10 ms..24 h,
    /// <c>RetryStrategyOptions.Delay</c>/<c>MaxDelay</c> 0..24 h), checked here so a bad value fails at start-up with
    /// every problem listed instead of failing every call with Polly's own exception.
    /// </summary>
    private static void ValidateResilience(AuthClientResilienceOptions r, List<string> failures)
    {
        if (r.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Resilience.MaxRetryAttempts must be between 0 and 10.");
        }

        if (r.AttemptTimeout < MinTimeout || r.AttemptTimeout > MaxAttemptTimeout)
        {
            failures.Add("Resilience.AttemptTimeout must be at least 10 ms and at most 5 minutes.");
        }

        if (r.TotalTimeout < r.AttemptTimeout || r.TotalTimeout > MaxPollyTimeSpan)
        {
            failures.Add("Resilience.TotalTimeout must be at least Resilience.AttemptTimeout and at most 24 hours.");
        }

        if (r.BaseDelay < TimeSpan.Zero || r.BaseDelay > MaxPollyTimeSpan)
        {
            failures.Add("Resilience.BaseDelay must be between 0 and 24 hours.");
        }

        if (r.MaxDelay < TimeSpan.Zero || r.MaxDelay > MaxPollyTimeSpan)
        {
            failures.Add("Resilience.MaxDelay must be between 0 and 24 hours.");
        }
        else if (r.MaxDelay < r.BaseDelay)
        {
            failures.Add("Resilience.MaxDelay must be at least Resilience.BaseDelay.");
        }

        if (r.MaxRetryAfter < TimeSpan.Zero || r.MaxRetryAfter > MaxPollyTimeSpan)
        {
            failures.Add("Resilience.MaxRetryAfter must be between 0 and 24 hours.");
        }

        if (r.MaxResponseBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add("Resilience.MaxResponseBytes must be between 1 KiB and 64 MiB.");
        }
    }

    private static void CheckBaseUrl(Uri? url, string name, List<string> failures)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            failures.Add($"{name} must be an absolute URL.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            failures.Add($"{name} must use https (plain http is allowed only for loopback hosts): {url}.");
        }
    }
}
