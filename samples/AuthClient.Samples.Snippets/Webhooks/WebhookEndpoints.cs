#region webhooks-aspnetcore
using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

public static class WebhookEndpoints
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthClient(builder.Configuration.GetSection("AuthClient"))
            .AddWebhooks();                                                    // signing key = Weavr api key by default
        builder.Services.AddSingleton<IWeavrWebhookEventSink, AuditSink>();   // optional: your own sinks

        var app = builder.Build();
        app.MapWeavrWebhooks("/webhooks/weavr");  // configure https://your.host/webhooks/weavr in the Embedder Portal
        return app;
    }
}
#endregion
