using AuthClient.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Benchmarks;

/// <summary>The SDK registered as an application would, with <see cref="CannedWeavrHandler"/> in place of the socket handler.</summary>
internal static class CannedSdk
{
    public const string BaseUrl = "https://weavr.invalid/multi";
    public const string ApiKey = "bench-api-key";

    public static ServiceProvider Create(Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services); // benchmark-only replacements, registered first so the SDK's TryAdd keeps them
        services.AddAuthClient(o =>
            {
                o.Weavr.BaseUrl = new Uri(BaseUrl);
                o.Weavr.ApiKey = ApiKey;
            })
            .WeavrHttpClient.ConfigurePrimaryHttpMessageHandler(() => new CannedWeavrHandler());
        return services.BuildServiceProvider();
    }
}
