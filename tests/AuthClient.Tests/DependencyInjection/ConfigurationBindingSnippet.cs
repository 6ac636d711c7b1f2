#region configuration-binding-usings
using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
#endregion

namespace MyApp;

/// <summary>The code of docs/configuration-binding.md, run by <c>WebhooksAndSessionsBindingTests</c>.</summary>
internal static class ConfigurationBindingSnippet
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        #region configuration-binding-register
        services.AddAuthClient(configuration.GetSection("AuthClient")) // Weavr, Transmit, Resilience
            .AddWebhooks()                                              // + AuthClient:Webhooks
            .AddSessions(o => o.StepUpMethod = StepUpMethod.Push);     // + AuthClient:Sessions, then this code
        #endregion
    }
}
