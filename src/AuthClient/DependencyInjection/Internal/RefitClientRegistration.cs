using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>Registers a Refit source-generated client on a named <see cref="HttpClient"/>.</summary>
/// <remarks>Done here rather than with Refit.HttpClientFactory because that package's net8.0 build requires
/// Microsoft.Extensions.Http 10.x, which would force the 10.0 line on every net8.0 application (NU1605 for one that
/// pins 8.0). This needs only Refit and Microsoft.Extensions.Http.</remarks>
internal static class RefitClientRegistration
{
    /// <summary>Adds <typeparamref name="TApi"/> as a typed client of the named HTTP client; its settings are built
    /// once per service provider.</summary>
    public static IHttpClientBuilder AddGeneratedRefitClient<TApi>(
        this IServiceCollection services, string name, Func<IServiceProvider, RefitSettings> settings)
        where TApi : class
    {
        services.TryAddSingleton(sp => new RefitSettingsFor<TApi>(settings(sp)));
        return services
            .AddHttpClient(name)
            .AddTypedClient<TApi>((client, sp) =>
                RestService.ForGenerated<TApi>(client, sp.GetRequiredService<RefitSettingsFor<TApi>>().Settings));
    }

    /// <summary>As <see cref="AddGeneratedRefitClient{TApi}(IServiceCollection, string, Func{IServiceProvider, RefitSettings})"/>
    /// for a programme: the unnamed one gets the plain typed client, a named one a client keyed by its name.</summary>
    public static IHttpClientBuilder AddGeneratedRefitClient<TApi>(
        this IServiceCollection services, string programme, string name, Func<IServiceProvider, RefitSettings> settings)
        where TApi : class
    {
        if (ProgrammeServices.IsDefault(programme))
        {
            return services.AddGeneratedRefitClient<TApi>(name, settings);
        }

        services.TryAddSingleton(sp => new RefitSettingsFor<TApi>(settings(sp)));
        services.TryAddKeyedTransient<TApi>(programme, (sp, _) => RestService.ForGenerated<TApi>(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), sp.GetRequiredService<RefitSettingsFor<TApi>>().Settings));
        return services.AddHttpClient(name);
    }
}
