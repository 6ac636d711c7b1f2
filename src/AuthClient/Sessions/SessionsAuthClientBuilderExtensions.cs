using AuthClient.DependencyInjection;
using AuthClient.Sessions.Internal;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// <see cref="IOtpCodeProvider"/> for automatic OTP step-up.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="configure">Changes the session options (defaults: <see cref="WeavrSessionDefaults"/>).</param>
    /// <returns>The builder.</returns>
    public static AuthClientBuilder AddSessions(this AuthClientBuilder builder, Action<WeavrSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<WeavrSessionOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeavrSessionOptions>, WeavrSessionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWeavrSessionStore, InMemoryWeavrSessionStore>();
        services.TryAddSingleton<PendingChallengeRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWeavrWebhookEventSink, PendingChallengeRegistry>(
            static sp => sp.GetRequiredService<PendingChallengeRegistry>()));
        services.TryAddSingleton<IWeavrSessionRegistry, WeavrSessionRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWeavrWebhookEventSink, UserDeactivationSink>());
        return builder;
    }
}
