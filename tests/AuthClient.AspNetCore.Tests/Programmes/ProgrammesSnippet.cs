#region programmes-usings
using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
#endregion

namespace MyApp;

/// <summary>The code of docs/programmes.md, compiled and run by <see cref="ProgrammeWebhookEndpointsTests"/>.</summary>
internal static class ProgrammesSnippet
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region programmes-register
        // The unnamed programme: section AuthClient, plain services, IOptions<AuthClientOptions>.
        builder.Services.AddAuthClient(builder.Configuration.GetSection("AuthClient"))
            .AddWebhooks()   // binds AuthClient:Webhooks
            .AddSessions();  // binds AuthClient:Sessions

        // Programme B: its own section, options named "programme-b", services keyed "programme-b".
        builder.Services.AddAuthClient("programme-b", builder.Configuration.GetSection("AuthClient:Programmes:programme-b"))
            .AddWebhooks()   // binds AuthClient:Programmes:programme-b:Webhooks; signs with B's api key
            .AddSessions();  // binds AuthClient:Programmes:programme-b:Sessions
        builder.Services.AddKeyedSingleton<IWeavrWebhookEventSink, ProgrammeBAudit>("programme-b");
        #endregion
    }

    public static void Map(WebApplication app)
    {
        #region programmes-map
        app.MapWeavrWebhooks("/webhooks/weavr");                                    // the unnamed programme
        app.MapWeavrProgrammeWebhooks("programme-b", "/webhooks/weavr/programme-b"); // programme B, B's key only
        #endregion
    }
}
