#region console-embedded
using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using AuthClient.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

public static class EmbeddedBackend
{
    public static async Task<WebApplication> StartAsync(WeavrSandbox sandbox, IOtpCodeProvider frontEnd)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(frontEnd);                          // asks the user's front end for SMS codes
        builder.Services.AddAuthClient(sandbox.ConfigureAuthClient)       // your app: AddAuthClient(configuration)
            .AddWebhooks()                                                // signature-v2 checked with the api key
            .AddSessions(o => o.StepUpMethod = StepUpMethod.Otp);
        var app = builder.Build();
        app.MapWeavrWebhooks("/webhooks/weavr");
        await app.StartAsync();
        sandbox.WebhookUrl = new Uri(app.Urls.Single() + "/webhooks/weavr"); // signed webhooks go over HTTP to the receiver
        return app;
    }
}
#endregion
