using AuthClient.Weavr.Models;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions.Internal;

/// <summary>Checks the session options at start-up, listing every problem.</summary>
internal sealed class WeavrSessionOptionsValidator : IValidateOptions<WeavrSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, WeavrSessionOptions options)
    {
        var failures = new List<string>();
        Positive(options.IdleTimeout, nameof(options.IdleTimeout), failures);
        Positive(options.PushTimeout, nameof(options.PushTimeout), failures);
        Positive(options.EnrolmentTimeout, nameof(options.EnrolmentTimeout), failures);
        Positive(options.LockDuration, nameof(options.LockDuration), failures);
        Positive(options.PersistTimeout, nameof(options.PersistTimeout), failures);
        if (options.EarlyEventRetention < TimeSpan.Zero)
        {
            failures.Add("Sessions.EarlyEventRetention must be 0 or more.");
        }

        if (options.MaxOtpAttempts is < 1 or > 10)
        {
            failures.Add("Sessions.MaxOtpAttempts must be between 1 and 10.");
        }

        if (!Enum.IsDefined(options.StepUpMethod))
        {
            failures.Add($"Sessions.StepUpMethod '{options.StepUpMethod}' is not a step-up method.");
        }

        if (options.OtpChannel != ScaChannel.Sms)
        {
            failures.Add($"Sessions.OtpChannel must be SMS, not '{options.OtpChannel}'.");
        }

        if (options.PushChannel != ScaChannel.Authy && options.PushChannel != ScaChannel.Biometric)
        {
            failures.Add($"Sessions.PushChannel must be AUTHY or BIOMETRIC, not '{options.PushChannel}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Sessions.{name} must be more than 0.");
        }
    }
}
