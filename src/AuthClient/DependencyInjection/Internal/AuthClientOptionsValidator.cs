using AuthClient.Transmit.Internal;
using AuthClient.Weavr;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>Checks the options at start-up so a misconfiguration fails fast with every problem listed.</summary>
internal sealed class AuthClientOptionsValidator : IValidateOptions<AuthClientOptions>
{
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

        if (string.IsNullOrWhiteSpace(options.Weavr.ApiKey))
        {
            failures.Add("Weavr.ApiKey is required (the api key of your Weavr API client).");
        }

        TransmitOptionsValidation.Validate(options.Transmit, failures);

        var r = options.Resilience;
        if (r.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Resilience.MaxRetryAttempts must be between 0 and 10.");
        }

        if (r.AttemptTimeout <= TimeSpan.Zero || r.AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Resilience.AttemptTimeout must be more than 0 and at most 5 minutes.");
        }

        if (r.TotalTimeout < r.AttemptTimeout)
        {
            failures.Add("Resilience.TotalTimeout must be at least Resilience.AttemptTimeout.");
        }

        if (r.BaseDelay < TimeSpan.Zero || r.MaxDelay < r.BaseDelay)
        {
            failures.Add("Resilience.BaseDelay must be 0 or more and at most Resilience.MaxDelay.");
        }

        if (r.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add("Resilience.MaxRetryAfter must be 0 or more.");
        }

        if (r.MaxResponseBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add("Resilience.MaxResponseBytes must be between 1 KiB and 64 MiB.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
