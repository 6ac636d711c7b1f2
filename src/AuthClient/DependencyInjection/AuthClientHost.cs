using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection;

/// <summary>
/// AuthClient for applications without dependency injection (scripts, console tools, tests, legacy code): it builds a
/// private service provider with the same <see cref="AuthClientServiceCollectionExtensions.AddAuthClient(IServiceCollection, Action{AuthClientOptions})"/>
/// registration, so the handler pipeline, retries, timeouts and validation are exactly those of a DI application.
/// Create one per application and dispose it at shutdown; it owns the HTTP connection pool.
/// </summary>
/// <example>
/// <code>
/// await using var auth = AuthClientHost.Create(o =>
/// {
///     o.Weavr.Environment = WeavrEnvironment.Sandbox;
///     o.Weavr.ApiKey = apiKey;
/// });
/// var login = await auth.Weavr.LoginWithPasswordAsync(email, password);
/// </code>
/// </example>
public sealed class AuthClientHost : IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AuthClientHost(ServiceProvider services) => _services = services;

    /// <summary>Gets the private service provider (to resolve any other AuthClient service).</summary>
    public IServiceProvider Services => _services;

    /// <summary>Gets the validated high-level Weavr client. Cheap: each access resolves a client over the shared,
    /// pooled connections, so read it where you need it rather than caching it for the life of the application.</summary>
    public IWeavrAuthClient Weavr => _services.GetRequiredService<IWeavrAuthClient>();

    /// <summary>Gets the raw Weavr wire client (one method per endpoint, no input validation).</summary>
    public IWeavrApi WeavrApi => _services.GetRequiredService<IWeavrApi>();

    /// <summary>Creates a host and validates the options at once, as a DI application does at start-up.</summary>
    /// <param name="configure">Sets the options.</param>
    /// <param name="configureClient">Optionally adds handlers to the HTTP clients or registers services (a
    /// <see cref="Http.IWeavrTokenSource"/>, a <see cref="TimeProvider"/>, logging) through <see cref="AuthClientBuilder.Services"/>.</param>
    /// <returns>The host. Dispose it when done.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public static AuthClientHost Create(Action<AuthClientOptions> configure, Action<AuthClientBuilder>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        var builder = services.AddAuthClient(configure);
        configureClient?.Invoke(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        try
        {
            // What a generic host runs on start: the ValidateOnStart checks.
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return new AuthClientHost(provider);
    }

    /// <inheritdoc />
    public void Dispose() => _services.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
