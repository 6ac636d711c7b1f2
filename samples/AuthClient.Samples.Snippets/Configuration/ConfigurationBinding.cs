#region configuration
using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using Microsoft.AspNetCore.Builder;

namespace MyApp;

public static class ConfigurationBinding
{
    public static void InCode(WebApplicationBuilder builder) =>
        builder.Services.AddAuthClient(o =>
        {
            o.Weavr.Environment = WeavrEnvironment.Sandbox;   // or Production, Mock
            o.Weavr.ApiKey = builder.Configuration["Weavr:ApiKey"]!;
        });

    // or bind the "AuthClient" section (source-generated binder: trimming/AOT-safe)
    public static void FromConfiguration(WebApplicationBuilder builder) =>
        builder.Services.AddAuthClient(builder.Configuration.GetSection(AuthClientOptions.SectionName));
}
#endregion
