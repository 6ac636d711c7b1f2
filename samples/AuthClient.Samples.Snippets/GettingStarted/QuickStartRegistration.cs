#region quick-start-registration
using AuthClient.DependencyInjection;
using AuthClient.Weavr;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

public static class QuickStartRegistration
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthClient(o =>
        {
            o.Weavr.Environment = WeavrEnvironment.Sandbox;          // https://sandbox.weavr.io/multi (or o.Weavr.BaseUrl)
            o.Weavr.ApiKey = builder.Configuration["Weavr:ApiKey"]!;  // validated at start-up, never logged
        });
        builder.Services.AddTransient<PasswordSignIn>();
        return builder.Build();
    }
}
#endregion
