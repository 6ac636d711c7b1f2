using Microsoft.Extensions.Options;

namespace AuthClient.Webhooks.Internal;

/// <summary>Checks the webhook options at start-up (and in the receiver's constructor), listing every problem.</summary>
internal sealed class WeavrWebhookOptionsValidator : IValidateOptions<WeavrWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WeavrWebhookOptions options)
    {
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> GetFailures(WeavrWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.SigningKey is null || options.SigningKey.IsEmpty)
        {
            failures.Add("Webhooks.SigningKey is required (by default it is Weavr.ApiKey, which is empty).");
        }

        if (options.TimestampTolerance <= TimeSpan.Zero || options.TimestampTolerance > TimeSpan.FromDays(1))
        {
            failures.Add("Webhooks.TimestampTolerance must be more than 0 and at most 1 day.");
        }

        if (options.ReplayWindow < options.TimestampTolerance || options.ReplayWindow > TimeSpan.FromDays(7))
        {
            failures.Add("Webhooks.ReplayWindow must be at least Webhooks.TimestampTolerance and at most 7 days.");
        }

        if (options.ReplayCacheCapacity < 1)
        {
            failures.Add("Webhooks.ReplayCacheCapacity must be at least 1.");
        }

        if (options.MaxBodyBytes < 1)
        {
            failures.Add("Webhooks.MaxBodyBytes must be at least 1.");
        }

        return failures;
    }
}
