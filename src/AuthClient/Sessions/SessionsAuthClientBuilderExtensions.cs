using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Sessions.Internal;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions;

/// <summary>Adds Weavr sessions to <c>AddAuthClient</c>.</summary>
public static class SessionsAuthClientBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IWeavrSessionRegistry"/> (singleton), the default in-memory <see cref="IWeavrSessionStore"/>
    /// (register your own before to replace it), the <see cref="PendingChallengeRegistry"/> as an
    /// <see cref="IWeavrWebhookEventSink"/>, a sink that ends the sessions of a user named by a <c>user_deactivated</c>
    /// webhook (<see cref="WeavrSessionState.Deactivated"/>), and validated <see cref="WeavrSessionOptions"/>. Register an
    /// <see cref="IOtpCodeProvider"/> for automatic OTP step-up. When <c>AddAuthClient</c> was bound from configuration,
    /// its <c>Sessions</c> child is bound first and <paramref name="configure"/> runs after it. For a named programme
    /// (<c>AddAuthClient("programme-b", ...)</c>) every one of these services is keyed by the programme's name.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="configure">Changes the session options (defaults: <see cref="WeavrSessionDefaults"/>).</param>
    /// <returns>The builder.</returns>
    public static AuthClientBuilder AddSessions(this AuthClientBuilder builder, Action<WeavrSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCore(builder, options =>
        {
            if (builder.Configuration is { } configuration)
            {
                SessionOptionsBinding.Bind(options, configuration.GetSection(WeavrSessionOptions.SectionName));
            }

            if (configure is not null)
            {
                options.Configure(configure);
            }
        });
    }

    private static AuthClientBuilder AddCore(AuthClientBuilder builder, Action<OptionsBuilder<WeavrSessionOptions>> configureOptions)
    {
        var services = builder.Services;
        var programme = builder.Name;
        configureOptions(services.AddOptions<WeavrSessionOptions>(programme).ValidateOnStart());
        services.AddSingleton(new WeavrApiKeyRequirement(programme, "AddSessions()"));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeavrSessionOptions>, WeavrSessionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (ProgrammeServices.IsDefault(programme))
        {
            services.TryAddSingleton<IWeavrSessionStore, InMemoryWeavrSessionStore>();
            services.TryAddSingleton<PendingChallengeRegistry>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IWeavrWebhookEventSink, PendingChallengeRegistry>(
                static sp => sp.GetRequiredService<PendingChallengeRegistry>()));
            services.TryAddSingleton<IWeavrSessionRegistry, WeavrSessionRegistry>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IWeavrWebhookEventSink, UserDeactivationSink>());
            return builder;
        }

        // A named programme: its own store, challenges (fed by its own webhook endpoint's sink) and registry.
        services.TryAddKeyedSingleton<IWeavrSessionStore>(programme, (sp, _) => new InMemoryWeavrSessionStore(
            sp.GetRequiredService<TimeProvider>(), Options.Create(ProgrammeServices.Options<WeavrSessionOptions>(sp, programme))));
        services.TryAddKeyedSingleton(programme, (sp, _) => new PendingChallengeRegistry(
            sp.GetRequiredService<TimeProvider>(), Options.Create(ProgrammeServices.Options<WeavrSessionOptions>(sp, programme))));
        services.TryAddEnumerable(ServiceDescriptor.KeyedSingleton<IWeavrWebhookEventSink, PendingChallengeRegistry>(
            programme, (sp, _) => sp.GetRequiredKeyedService<PendingChallengeRegistry>(programme)));
        services.TryAddKeyedSingleton<IWeavrSessionRegistry>(programme, (sp, _) => new WeavrSessionRegistry(
            sp,
            sp.GetRequiredKeyedService<IWeavrSessionStore>(programme),
            sp.GetRequiredKeyedService<PendingChallengeRegistry>(programme),
            sp.GetRequiredService<TimeProvider>(),
            Options.Create(ProgrammeServices.Options<WeavrSessionOptions>(sp, programme)),
            sp.GetRequiredService<ILogger<WeavrSession>>(),
            programme));
        services.TryAddEnumerable(ServiceDescriptor.KeyedSingleton<IWeavrWebhookEventSink, UserDeactivationSink>(
            programme, (sp, _) => new UserDeactivationSink(sp.GetRequiredKeyedService<IWeavrSessionRegistry>(programme))));
        return builder;
    }
}
