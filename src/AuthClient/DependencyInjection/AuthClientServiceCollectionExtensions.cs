using System.Text.Json.Serialization;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Errors.Internal;
using AuthClient.Http;
using AuthClient.Http.Internal;
using AuthClient.Resilience.Internal;
using AuthClient.Telemetry.Internal;
using AuthClient.Transmit.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace AuthClient.DependencyInjection;

/// <summary>Registers AuthClient's typed clients, handler pipeline and options.</summary>
public static class AuthClientServiceCollectionExtensions
{
    internal const string WeavrClientName = "AuthClient.Weavr";

    /// <summary>Adds the Weavr and Transmit clients, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; they are validated at start-up.</param>
    /// <returns>A builder to add handlers to the HTTP clients.</returns>
    public static AuthClientBuilder AddAuthClient(this IServiceCollection services, Action<AuthClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, options => options.Configure(configure));
    }

    /// <summary>Adds the Weavr and Transmit clients, bound from configuration (e.g. the <c>AuthClient</c> section).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="AuthClientOptions"/>.</param>
    /// <returns>A builder to add handlers to the HTTP clients.</returns>
    public static AuthClientBuilder AddAuthClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, options => options.Bind(configuration).Configure(o => SecretBinding.Bind(o, configuration)));
    }

    private static AuthClientBuilder AddCore(IServiceCollection services, Action<OptionsBuilder<AuthClientOptions>> configureOptions)
    {
        configureOptions(services.AddOptions<AuthClientOptions>().ValidateOnStart());
        if (services.Any(d => d.ServiceType == typeof(AuthClientMarker)))
        {
            // A second call only adds configuration: registering the handlers again would nest a second retry loop.
            return new AuthClientBuilder(services, services.AddHttpClient(WeavrClientName), services.AddHttpClient(TransmitRegistration.ClientName));
        }

        services.AddSingleton<AuthClientMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthClientOptions>, AuthClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWeavrTokenSource, NoWeavrTokenSource>();
        services.TryAddSingleton<AuthClientHttpLogger>();
        services.AddMetrics();
        services.TryAddSingleton(static sp => AuthClientMetrics.For(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddTransient<WeavrCallHandler>();
        services.TryAddTransient<WeavrApiKeyHandler>();
        services.TryAddTransient<WeavrBearerTokenHandler>();
        services.TryAddTransient<ResponseGuardHandler>();

        // Handler order (outermost first) — the one place it is decided:
        // 1. WeavrCallHandler: once per logical call, so the idempotency-ref is fixed and the body serialized before any
        //    retry, and the final request-ref is recorded.
        // 2. Call resilience: total timeout → retry.
        // 3. api-key, then bearer token: inside the retry loop, so each attempt reads the current token, but outside the
        //    attempt timeout, so a slow token source never makes "nothing sent" look like "outcome unknown".
        // 4. Attempt timeout, then ResponseGuardHandler: the body is read inside the attempt's time; redirects refused.
        var weavr = services
            .AddGeneratedRefitClient<IWeavrApi>(WeavrClientName, sp => CreateRefitSettings(sp, "Weavr", WeavrJsonContext.Default))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<AuthClientOptions>>().Value.Weavr.BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns timeouts.
            })
            .AddHttpMessageHandler<WeavrCallHandler>()
            .AddCallResilience(WeavrClientName)
            .AddHttpMessageHandler<WeavrApiKeyHandler>()
            .AddHttpMessageHandler<WeavrBearerTokenHandler>()
            .AddAttemptPipeline(WeavrClientName)
            .RemoveAllLoggers()
            .AddLogger<AuthClientHttpLogger>()
            .RedactLoggedHeaders(IsRedactedHeader); // Kept in case an application adds the default logger back.

        services.TryAddTransient<IWeavrAuthClient, WeavrAuthClient>();
        var transmit = TransmitRegistration.Add(services);
        return new AuthClientBuilder(services, weavr, transmit);
    }

    /// <summary>The call stage of the resilience pipeline (total timeout → retry), and what every AuthClient client's
    /// transport must do: never follow a redirect (it would carry the api-key, a body with a password, or a token to
    /// the host the Location names) and say who is calling.</summary>
    internal static IHttpClientBuilder AddCallResilience(this IHttpClientBuilder builder, string name)
    {
        builder.AddResilienceHandler(name, static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
            ResiliencePipelineConfigurator.ConfigureQuietTelemetry(pipeline, context.ServiceProvider);
            ResiliencePipelineConfigurator.ConfigureCall(pipeline, options.Resilience, context.ServiceProvider.GetRequiredService<TimeProvider>());
        });
        builder.ConfigurePrimaryHttpMessageHandler(static (handler, _) => DisableRedirects(handler));
        builder.ConfigureHttpClient(static client => AuthClientUserAgent.Apply(client.DefaultRequestHeaders));
        return builder;
    }

    /// <summary>The attempt stage: the per-attempt timeout, with the response read (and redirects refused) inside it.</summary>
    internal static IHttpClientBuilder AddAttemptPipeline(this IHttpClientBuilder builder, string name)
    {
        builder.AddResilienceHandler(name + ".Attempt", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
            ResiliencePipelineConfigurator.ConfigureQuietTelemetry(pipeline, context.ServiceProvider);
            ResiliencePipelineConfigurator.ConfigureAttempt(pipeline, options.Resilience, context.ServiceProvider.GetRequiredService<TimeProvider>());
        });
        return builder.AddHttpMessageHandler<ResponseGuardHandler>();
    }

    private static void DisableRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    internal static RefitSettings CreateRefitSettings(IServiceProvider services, string api, JsonSerializerContext jsonContext)
    {
        var timeProvider = services.GetRequiredService<TimeProvider>();
        return new RefitSettings
        {
            // Refit keeps its own serializer options over the context's, so the context's options (omit nulls, wire
            // names) are set here once, or every unset optional field would be sent as null.
            ContentSerializer = new SystemTextJsonContentSerializer(jsonContext.Options),
            // Refit asks for every response; null means "not an error".
            ExceptionFactory = async response => response.IsSuccessStatusCode
                ? null
                : api == "Weavr"
                    ? await WeavrErrorMapper.MapAsync(response, timeProvider).ConfigureAwait(false)
                    : await TransmitErrorMapper.MapAsync(response).ConfigureAwait(false),
            TransportExceptionFactory = (request, exception, cancellationToken) => TransportErrorMapper.Map(api, request, exception, cancellationToken),
            DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(InvalidResponseMapper.Map(api, response, exception)),
        };
    }

    // Only correlation headers are logged in clear; api-key, Authorization and anything unknown are redacted.
    internal static bool IsRedactedHeader(string header) =>
        !header.Equals(CorrelationHeaders.RequestRef, StringComparison.OrdinalIgnoreCase) &&
        !header.Equals(CorrelationHeaders.IdempotencyRef, StringComparison.OrdinalIgnoreCase) &&
        !header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);
}
