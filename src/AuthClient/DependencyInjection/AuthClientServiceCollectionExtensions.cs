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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
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
        return AddCore(services, Options.DefaultName, null, options => options.Configure(configure));
    }

    /// <summary>Adds the Weavr and Transmit clients, bound from configuration (e.g. the <c>AuthClient</c> section).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="AuthClientOptions"/>; its <c>Webhooks</c> and
    /// <c>Sessions</c> children are bound by <c>AddWebhooks()</c> and <c>AddSessions()</c>.</param>
    /// <returns>A builder to add handlers to the HTTP clients.</returns>
    public static AuthClientBuilder AddAuthClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, Options.DefaultName, configuration, options => Bind(options, configuration));
    }

    /// <summary>
    /// Adds a named Weavr programme (its own api key, environment, HTTP clients, resilience, sessions and webhook
    /// endpoint), configured in code. Its services are keyed by <paramref name="name"/>:
    /// <c>[FromKeyedServices("programme-b")] IWeavrAuthClient</c>. The unnamed registration is unaffected.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The programme name, the key of its services and the name of its options.</param>
    /// <param name="configure">Sets the programme's options; they are validated at start-up.</param>
    /// <returns>A builder for the programme (<c>AddSessions</c>, <c>AddWebhooks</c>, handlers).</returns>
    public static AuthClientBuilder AddAuthClient(this IServiceCollection services, string name, Action<AuthClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name, null, options => options.Configure(configure));
    }

    /// <summary>Adds a named Weavr programme as <see cref="AddAuthClient(IServiceCollection, string, Action{AuthClientOptions})"/>
    /// does, bound from the section you pass (by convention <c>AuthClient:Programmes:{name}</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The programme name, the key of its services and the name of its options.</param>
    /// <param name="configuration">The section holding the programme's <see cref="AuthClientOptions"/>; its
    /// <c>Webhooks</c> and <c>Sessions</c> children are bound by <c>AddWebhooks()</c> and <c>AddSessions()</c>.</param>
    /// <returns>A builder for the programme.</returns>
    public static AuthClientBuilder AddAuthClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, name, configuration, options => Bind(options, configuration));
    }

    private static void Bind(OptionsBuilder<AuthClientOptions> options, IConfiguration configuration) =>
        options.Bind(configuration).Configure(o => SecretBinding.Bind(o, configuration));

    private static AuthClientBuilder AddCore(
        IServiceCollection services, string programme, IConfiguration? configuration, Action<OptionsBuilder<AuthClientOptions>> configureOptions)
    {
        configureOptions(services.AddOptions<AuthClientOptions>(programme).ValidateOnStart());
        var weavrName = ProgrammeServices.ClientName(WeavrClientName, programme);
        if (services.Any(d => d.ImplementationInstance is AuthClientMarker marker && marker.Programme == programme))
        {
            // A second call only adds configuration: registering the handlers again would nest a second retry loop.
            return new AuthClientBuilder(
                services, programme, configuration, services.AddHttpClient(weavrName), services.AddHttpClient(ProgrammeServices.ClientName(TransmitRegistration.ClientName, programme)));
        }

        services.AddSingleton(new AuthClientMarker(programme));
        AuthClientOptionsServices.Add(services);
        // Services on the first call's path are created by factories, not by type: under Native AOT the container's
        // constructor discovery (reflection, and ILogger<T> built as a generic type at run time) costs start-up time.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthClientOptions>, AuthClientOptionsValidator>(
            static sp => new AuthClientOptionsValidator(sp.GetServices<WeavrApiKeyRequirement>())));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWeavrTokenSource>(static _ => new NoWeavrTokenSource());
        services.TryAddSingleton(static sp => new AuthClientHttpLogger(new Logger<AuthClientHttpLogger>(sp.GetRequiredService<ILoggerFactory>())));
        services.AddMetrics();
        services.TryAddSingleton(static sp => AuthClientMetrics.For(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddTransient(static sp => new WeavrCallHandler(
            new Logger<WeavrCallHandler>(sp.GetRequiredService<ILoggerFactory>()), sp.GetRequiredService<TimeProvider>(), sp.GetService<AuthClientMetrics>()));

        // Handler order (outermost first) — the one place it is decided:
        // 1. WeavrCallHandler: once per logical call, so the idempotency-ref is fixed and the body serialized before any
        //    retry, and the final request-ref is recorded.
        // 2. Call resilience: total timeout → retry.
        // 3. api-key, then bearer token: inside the retry loop, so each attempt reads the current token, but outside the
        //    attempt timeout, so a slow token source never makes "nothing sent" look like "outcome unknown".
        // 4. AttemptHandler: the attempt timeout, with the body read inside it; redirects refused; attempts logged.
        // Every stage reads the options of its own programme, so two programmes never share a key, token or pipeline.
        var weavr = services
            .AddGeneratedRefitClient<IWeavrApi>(programme, weavrName, sp => CreateRefitSettings(sp, "Weavr", WeavrJsonContext.Default))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = ProgrammeServices.Options<AuthClientOptions>(sp, programme).Weavr.BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns timeouts.
            })
            .AddHttpMessageHandler<WeavrCallHandler>()
            .AddCallResilience(weavrName, programme)
            .AddHttpMessageHandler(sp => new WeavrApiKeyHandler(sp.GetRequiredService<IOptionsMonitor<AuthClientOptions>>(), programme))
            .AddHttpMessageHandler(sp => new WeavrBearerTokenHandler(ProgrammeServices.Find<IWeavrTokenSource>(sp, programme) ?? new NoWeavrTokenSource()))
            .AddAttemptPipeline(programme)
            .RemoveAllLoggers()
            .RedactLoggedHeaders(IsRedactedHeader); // Kept in case an application adds the default logger back.

        ProgrammeServices.TryAddTransient(services, programme, sp => WeavrClientFactory.Create(sp, programme));
        var transmit = TransmitRegistration.Add(services, programme);
        return new AuthClientBuilder(services, programme, configuration, weavr, transmit);
    }

    /// <summary>The call stage of the resilience pipeline (total timeout → retry), and what every AuthClient client's
    /// transport must do: never follow a redirect (it would carry the api-key, a body with a password, or a token to
    /// the host the Location names) and say who is calling.</summary>
    internal static IHttpClientBuilder AddCallResilience(this IHttpClientBuilder builder, string name, string programme)
    {
        // One pipeline per client (and so per programme), built on first use and shared by every handler chain the
        // factory rotates in.
        builder.Services.TryAddKeyedSingleton(name, (sp, _) => ResiliencePipelineConfigurator.BuildCall(sp, name, programme));
        builder.AddHttpMessageHandler(sp => new CallResilienceHandler(sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(name)));
        builder.ConfigurePrimaryHttpMessageHandler(static (handler, _) => DisableRedirects(handler));
        builder.ConfigureHttpClient(static client => AuthClientUserAgent.Apply(client.DefaultRequestHeaders));
        return builder;
    }

    /// <summary>The attempt stage: the per-attempt timeout, with the response read (and redirects refused) inside it.</summary>
    internal static IHttpClientBuilder AddAttemptPipeline(this IHttpClientBuilder builder, string programme) =>
        builder.AddHttpMessageHandler(sp => new AttemptHandler(
            sp.GetRequiredService<IOptionsMonitor<AuthClientOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuthClientHttpLogger>(), programme));

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
            // The context's own metadata and options (omit nulls, wire names), on bytes: see SourceGeneratedJsonSerializer.
            ContentSerializer = new SourceGeneratedJsonSerializer(jsonContext),
            // Bodies are serialized to a byte array up front (Content-Length, identical retries): no streaming wrapper,
            // and nothing for Refit to buffer again (Buffered would copy the array into a second buffer).
            RequestBodySerialization = RequestBodySerializationMode.Buffered,
            Buffered = false,
            // Refit asks for every response; null means "not an error". A success answers without an async method.
            ExceptionFactory = response => response.IsSuccessStatusCode ? default : MapErrorAsync(api, response, timeProvider),
            TransportExceptionFactory = (request, exception, cancellationToken) => TransportErrorMapper.Map(api, request, exception, cancellationToken),
            DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(InvalidResponseMapper.Map(api, response, exception)),
        };
    }

    private static async ValueTask<Exception?> MapErrorAsync(string api, HttpResponseMessage response, TimeProvider timeProvider) =>
        api == "Weavr"
            ? await WeavrErrorMapper.MapAsync(response, timeProvider).ConfigureAwait(false)
            : await TransmitErrorMapper.MapAsync(response).ConfigureAwait(false);

    // Only correlation headers are logged in clear; api-key, Authorization and anything unknown are redacted.
    internal static bool IsRedactedHeader(string header) =>
        !header.Equals(CorrelationHeaders.RequestRef, StringComparison.OrdinalIgnoreCase) &&
        !header.Equals(CorrelationHeaders.IdempotencyRef, StringComparison.OrdinalIgnoreCase) &&
        !header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);
}
