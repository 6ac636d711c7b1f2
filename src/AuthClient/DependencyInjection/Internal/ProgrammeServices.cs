using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>
/// One place that decides how a programme's services are found: the unnamed programme (<see cref="Options.DefaultName"/>)
/// keeps its plain registrations; a named one registers and resolves keyed services under its name, and never falls back
/// to the unnamed ones where that could mix two programmes' keys, tokens or sessions.
/// </summary>
internal static class ProgrammeServices
{
    public static bool IsDefault(string programme) => programme.Length == 0;

    /// <summary>The HTTP client (and resilience pipeline) name of <paramref name="programme"/>.</summary>
    public static string ClientName(string baseName, string programme) =>
        IsDefault(programme) ? baseName : baseName + ":" + programme;

    public static T Get<T>(IServiceProvider services, string programme)
        where T : notnull =>
        IsDefault(programme) ? services.GetRequiredService<T>() : services.GetRequiredKeyedService<T>(programme);

    public static T? Find<T>(IServiceProvider services, string programme)
        where T : class =>
        IsDefault(programme) ? services.GetService<T>() : services.GetKeyedService<T>(programme);

    /// <summary>The programme's own registration, else the application-wide one (for services that hold no
    /// programme's secrets, such as the front end that asks the user for an OTP code).</summary>
    public static T? FindOwnOrShared<T>(IServiceProvider services, string programme)
        where T : class =>
        Find<T>(services, programme) ?? (IsDefault(programme) ? null : services.GetService<T>());

    public static IEnumerable<T> GetAll<T>(IServiceProvider services, string programme)
        where T : notnull =>
        IsDefault(programme) ? services.GetServices<T>() : services.GetKeyedServices<T>(programme);

    public static void TryAddSingleton<T>(IServiceCollection services, string programme, Func<IServiceProvider, T> factory)
        where T : class
    {
        if (IsDefault(programme))
        {
            services.TryAddSingleton(factory);
        }
        else
        {
            services.TryAddKeyedSingleton(programme, (sp, _) => factory(sp));
        }
    }

    public static void TryAddTransient<T>(IServiceCollection services, string programme, Func<IServiceProvider, T> factory)
        where T : class
    {
        if (IsDefault(programme))
        {
            services.TryAddTransient(factory);
        }
        else
        {
            services.TryAddKeyedTransient(programme, (sp, _) => factory(sp));
        }
    }

    public static T Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services, string programme)
        where T : class =>
        services.GetRequiredService<IOptionsMonitor<T>>().Get(programme);
}
