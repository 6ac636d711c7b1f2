using System.Diagnostics.Metrics;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Webhooks;
using AuthClient.Webhooks.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection;

/// <summary>Adds the signed Weavr webhook receiver to <c>AddAuthClient</c>.</summary>
public static class AuthClientBuilderWebhookExtensions
{
    /// <summary>
    /// Registers <see cref="WeavrWebhookReceiver"/> (singleton), validated <see cref="WeavrWebhookOptions"/> (the signing key
    /// defaults to <c>Weavr.ApiKey</c>) and, unless one is already registered, the <see cref="InMemoryWebhookReplayGuard"/>.
    /// Register your <see cref="IWeavrWebhookEventSink"/>s as singletons; map the endpoints with <c>app.MapWeavrWebhooks()</c>
    /// (AuthClient.AspNetCore) or call the receiver yourself. When <c>AddAuthClient</c> was bound from configuration, its
    /// <c>Webhooks</c> child is bound first and <paramref name="configure"/> runs after it. For a named programme the
    /// receiver, replay guard and sinks are keyed by its name, and the signing key defaults to that programme's api key.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="configure">Changes the defaults, if needed.</param>
    /// <returns>The same builder.</returns>
    public static AuthClientBuilder AddWebhooks(this AuthClientBuilder builder, Action<WeavrWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCore(builder, options =>
        {
            if (builder.Configuration is { } configuration)
            {
                Bind(options, configuration.GetSection(WeavrWebhookOptions.SectionName));
            }

            if (configure is not null)
            {
                options.Configure(configure);
            }
        });
    }

    /// <summary>Registers the webhook receiver as <see cref="AddWebhooks(AuthClientBuilder, Action{WeavrWebhookOptions}?)"/> does, with options bound from configuration (e.g. the <c>AuthClient:Webhooks</c> section).</summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="configuration">The section holding <see cref="WeavrWebhookOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static AuthClientBuilder AddWebhooks(this AuthClientBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(builder, options => Bind(options, configuration));
    }

    private static void Bind(OptionsBuilder<WeavrWebhookOptions> options, IConfiguration section) =>
        options.Bind(section).Configure(o => SecretBinding.Bind(o, section));

    private static AuthClientBuilder AddCore(AuthClientBuilder builder, Action<OptionsBuilder<WeavrWebhookOptions>> configureOptions)
    {
        var services = builder.Services;
        var programme = builder.Name;
        var options = services.AddOptions<WeavrWebhookOptions>(programme);
        configureOptions(options);
        options
            .PostConfigure<IOptionsMonitor<AuthClientOptions>>((webhooks, client) =>
            {
                if (webhooks.SigningKey is null || webhooks.SigningKey.IsEmpty)
                {
                    webhooks.SigningKey = client.Get(programme).Weavr.ApiKey;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeavrWebhookOptions>, WeavrWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (ProgrammeServices.IsDefault(programme))
        {
            services.TryAddSingleton<IWebhookReplayGuard>(static sp => new InMemoryWebhookReplayGuard(
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value.ReplayCacheCapacity));
            services.TryAddSingleton<WeavrWebhookReceiver>();
            return builder;
        }

        // A named programme verifies with its own key, remembers its own call-refs and feeds only its own sinks.
        services.TryAddKeyedSingleton<IWebhookReplayGuard>(programme, (sp, _) => new InMemoryWebhookReplayGuard(
            sp.GetRequiredService<TimeProvider>(),
            ProgrammeServices.Options<WeavrWebhookOptions>(sp, programme).ReplayCacheCapacity));
        services.TryAddKeyedSingleton(programme, (sp, _) => new WeavrWebhookReceiver(
            Options.Create(ProgrammeServices.Options<WeavrWebhookOptions>(sp, programme)),
            sp.GetRequiredKeyedService<IWebhookReplayGuard>(programme),
            sp.GetKeyedServices<IWeavrWebhookEventSink>(programme),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WeavrWebhookReceiver>>(),
            sp.GetService<IMeterFactory>()));
        return builder;
    }
}
