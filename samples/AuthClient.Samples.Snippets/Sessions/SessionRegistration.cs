#region sessions-registration
using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

public static class SessionRegistration
{
    public static void AddWeavrSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FrontEndOtpPrompt>();
        services.AddSingleton<IOtpCodeProvider>(sp => sp.GetRequiredService<FrontEndOtpPrompt>());
        services.AddAuthClient(configuration.GetSection("AuthClient"))
                .AddWebhooks()                                      // push step-up and biometric sign-in complete by webhook
                .AddSessions(o => o.StepUpMethod = StepUpMethod.Otp); // or Push (Authy/biometric)
        // registers IWeavrSessionRegistry: one session per user, found by the key you choose
    }
}
#endregion
