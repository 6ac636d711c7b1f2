using AuthClient.DependencyInjection;
using AuthClient.Redis.Internal;
using AuthClient.Sessions;
using AuthClient.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthClient.Redis;

/// <summary>Runs AuthClient sessions and webhooks on a web farm, on Redis: <c>.AddSessions(...).AddRedis(...)</c>.</summary>
public static class RedisAuthClientBuilderExtensions
{
    /// <summary>
    /// Shares sessions, step-up and webhook completions across instances through Redis, connecting with
    /// <paramref name="connectionString"/> on first use. Replaces the session store (compare-and-set, sliding TTL,
    /// snapshots protected with Data Protection), the webhook replay guard (processing/done), adds the webhook fan-out
    /// and the farm-wide step-up lease. Call it after <c>AddSessions</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="configure">Changes the Redis options.</param>
    /// <returns>The builder.</returns>
    public static AuthClientBuilder AddRedis(this AuthClientBuilder builder, string connectionString, Action<WeavrRedisOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return AddRedisCore(builder, async () =>
        {
            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false;
            return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        }, configure);
    }

    /// <summary>As <see cref="AddRedis(AuthClientBuilder, string, Action{WeavrRedisOptions}?)"/>, with the default options.</summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <returns>The builder.</returns>
    public static AuthClientBuilder AddRedis(this AuthClientBuilder builder, string connectionString) => AddRedis(builder, connectionString, configure: null);

    /// <summary>As <see cref="AddRedis(AuthClientBuilder, string, Action{WeavrRedisOptions}?)"/>, on an existing connection (not disposed by AuthClient), with the default options.</summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="connection">The connection to use.</param>
    /// <returns>The builder.</returns>
    public static AuthClientBuilder AddRedis(this AuthClientBuilder builder, IConnectionMultiplexer connection) => AddRedis(builder, connection, configure: null);

    /// <summary>As <see cref="AddRedis(AuthClientBuilder, string, Action{WeavrRedisOptions}?)"/>, on an existing connection (not disposed by AuthClient).</summary>
    /// <param name="builder">The builder returned by <c>AddAuthClient</c>.</param>
    /// <param name="connection">The connection to use.</param>
    /// <param name="configure">Changes the Redis options.</param>
    /// <returns>The builder.</returns>
    public static AuthClientBuilder AddRedis(this AuthClientBuilder builder, IConnectionMultiplexer connection, Action<WeavrRedisOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        return AddRedisCore(builder, () => Task.FromResult(connection), configure);
    }

    private static AuthClientBuilder AddRedisCore(AuthClientBuilder builder, Func<Task<IConnectionMultiplexer>> connect, Action<WeavrRedisOptions>? configure)
    {
        var services = builder.Services;
        var options = new WeavrRedisOptions();
        configure?.Invoke(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KeyPrefix, nameof(configure));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReplayProcessingTimeout, TimeSpan.Zero, nameof(configure));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StepUpPollInterval, TimeSpan.Zero, nameof(configure));
        if (options.Protector is null)
        {
            services.AddDataProtection();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new RedisContext(
            connect,
            options,
            options.Protector ?? sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(WeavrRedisDefaults.ProtectorPurpose),
            sp.GetRequiredService<IOptions<WeavrSessionOptions>>()));
        services.AddSingleton<RedisWebhookFanOut>();
        services.Replace(ServiceDescriptor.Singleton<IWeavrSessionStore>(sp =>
        {
            // Subscribed as soon as sessions exist, so this instance's waiters hear webhooks received elsewhere.
            sp.GetRequiredService<RedisWebhookFanOut>();
            return new RedisWeavrSessionStore(sp.GetRequiredService<RedisContext>(), sp.GetRequiredService<TimeProvider>());
        }));
        services.Replace(ServiceDescriptor.Singleton<IWebhookReplayGuard, RedisWebhookReplayGuard>());
        services.Replace(ServiceDescriptor.Singleton<IWeavrStepUpLease, RedisStepUpLease>());
        services.AddSingleton<IWeavrWebhookEventSink>(static sp => sp.GetRequiredService<RedisWebhookFanOut>());
        return builder;
    }
}
