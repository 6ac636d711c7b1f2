using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>
/// The options services of <see cref="AuthClientOptions"/>, registered as closed types created by factories: the same
/// implementations and lifetimes <c>AddOptions</c> registers as open generics, which the container would otherwise
/// close at run time — under Native AOT each one a generic type the type loader builds, and its constructor found by
/// reflection, on the first client's resolution. An application's own registration of any of them still wins.
/// </summary>
internal static class AuthClientOptionsServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<IOptionsMonitorCache<AuthClientOptions>>(static _ => new OptionsCache<AuthClientOptions>());
        services.TryAddTransient<IOptionsFactory<AuthClientOptions>>(static sp => new OptionsFactory<AuthClientOptions>(
            sp.GetServices<IConfigureOptions<AuthClientOptions>>(),
            sp.GetServices<IPostConfigureOptions<AuthClientOptions>>(),
            sp.GetServices<IValidateOptions<AuthClientOptions>>()));
        services.TryAddSingleton<IOptionsMonitor<AuthClientOptions>>(static sp => new OptionsMonitor<AuthClientOptions>(
            sp.GetRequiredService<IOptionsFactory<AuthClientOptions>>(),
            sp.GetServices<IOptionsChangeTokenSource<AuthClientOptions>>(),
            sp.GetRequiredService<IOptionsMonitorCache<AuthClientOptions>>()));
    }
}
