using AuthClient.DependencyInjection.Internal;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions.Internal;

/// <summary>Checks the session options at start-up, listing every problem.</summary>
/// <remarks>It sees the container so that <see cref="StepUpMethod.Otp"/> without an <see cref="IOtpCodeProvider"/>
/// fails at start-up rather than at the first step-up, when a user is waiting.</remarks>
/// <param name="services">The container, asked whether an <see cref="IOtpCodeProvider"/> is registered.</param>
internal sealed class WeavrSessionOptionsValidator(IServiceProvider services) : IValidateOptions<WeavrSessionOptions>
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

        if (options.StepUpMethod == StepUpMethod.Otp && !HasCodeProvider(name ?? Options.DefaultName))
        {
            failures.Add(
                $"Sessions.StepUpMethod is Otp, but no {nameof(IOtpCodeProvider)} is registered: register one, or set Sessions.StepUpMethod to Push.");
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

    private bool HasCodeProvider(string programme)
    {
        // A named programme uses its own (keyed) provider, else the application's.
        if (!ProgrammeServices.IsDefault(programme) && services.GetService<IServiceProviderIsKeyedService>() is { } isKeyed
            && isKeyed.IsKeyedService(typeof(IOtpCodeProvider), programme))
        {
            return true;
        }

        // IServiceProviderIsService answers without building anything; a container without it is asked directly.
        return services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(typeof(IOtpCodeProvider))
            : ProgrammeServices.FindOwnOrShared<IOtpCodeProvider>(services, programme) is not null;
    }

    private static void Positive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Sessions.{name} must be more than 0.");
        }
    }
}
