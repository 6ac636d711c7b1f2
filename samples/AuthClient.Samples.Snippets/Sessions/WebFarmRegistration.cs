#region redis-registration
using AuthClient.DependencyInjection;
using AuthClient.Redis;
using AuthClient.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

public static class WebFarmRegistration
{
    public static void AddWeavrOnRedis(this IServiceCollection services, IConfiguration configuration, string redis)
    {
        // Session snapshots are encrypted with Data Protection: every instance needs the same keys, e.g.
        // .PersistKeysToStackExchangeRedis(...) from Microsoft.AspNetCore.DataProtection.StackExchangeRedis.
        services.AddDataProtection().SetApplicationName("my-app");
        services.AddAuthClient(configuration.GetSection("AuthClient"))
                .AddSessions()
                .AddWebhooks()
                .AddRedis(redis);   // "127.0.0.1:6379", or an IConnectionMultiplexer you already have
    }
}
#endregion
