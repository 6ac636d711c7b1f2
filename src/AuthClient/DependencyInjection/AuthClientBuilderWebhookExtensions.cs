using AuthClient.DependencyInjection.Internal;
using AuthClient.Webhooks;
using AuthClient.Webhooks.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection;

/// <summary>Adds the signed Weavr webhook receiver to <c>AddAuthClient</c>.</summary>
public static class AuthClientBuilderWebhookExtensions
{
    /// <summary>
    /// Registers <see cref="WeavrWebhookReceiver"/> (singleton), validated <see cref="WeavrWebhookOptions"/> (the signing key
    /// defaults to <c>Weavr.ApiKey</c>) and, unless one is already registered, the <see cref="InMemoryWebhookReplayGuard"/>.
    /// Register your <see cref="IWeavrWebhookEventSink"/>s as singletons; map the endpoints with <c>app.MapWeavrWebhooks()</c>
    /// (AuthClient.AspNetCore) or call the receiver yourself.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="configure">Changes the defaults, if needed.</param>
    /// <returns>The same builder.</returns>
    public static AuthClientBuilder AddWebhooks(this AuthClientBuilder builder, Action<WeavrWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCore(builder, options =>
        {
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
        return AddCore(builder, options => options.Bind(configuration).Configure(o => SecretBinding.Bind(o, configuration)));
    }

    private static AuthClientBuilder AddCore(AuthClientBuilder builder, Action<OptionsBuilder<WeavrWebhookOptions>> configureOptions)
    {
        var services = builder.Services;
        var options = services.AddOptions<WeavrWebhookOptions>();
        configureOptions(options);
        options
            .PostConfigure<IOptions<AuthClientOptions>>(static (webhooks, client) =>
            {
                if (webhooks.SigningKey is null || webhooks.SigningKey.IsEmpty)
                {
                    webhooks.SigningKey = client.Value.Weavr.ApiKey;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeavrWebhookOptions>, WeavrWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookReplayGuard>(static sp => new InMemoryWebhookReplayGuard(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value.ReplayCacheCapacity));
        services.TryAddSingleton<WeavrWebhookReceiver>();
        return builder;
    }
}
