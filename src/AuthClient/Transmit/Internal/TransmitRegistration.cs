using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Telemetry.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Transmit.Internal;

/// <summary>Registers the Transmit Security clients and their handler pipelines.</summary>
internal static class TransmitRegistration
{
    internal const string ClientName = "AuthClient.Transmit";
    internal const string TokenClientName = "AuthClient.Transmit.Token";

    /// <summary>Adds the token provider, both Refit clients and <see cref="ITransmitBiometricsClient"/>.</summary>
    /// <returns>The builder of the biometrics API's HTTP client.</returns>
    /// <param name="services">The service collection.</param>
    /// <param name="programme">The programme; empty for the unnamed registration, else the key of its services.</param>
    public static IHttpClientBuilder Add(IServiceCollection services, string programme)
    {
        var tokenClientName = ProgrammeServices.ClientName(TokenClientName, programme);
        var clientName = ProgrammeServices.ClientName(ClientName, programme);
        if (ProgrammeServices.IsDefault(programme))
        {
            services.TryAddSingleton<TransmitClientTokenProvider>();
        }
        else
        {
            // Each programme caches its own client token, fetched with its own credentials from its own endpoint.
            services.TryAddKeyedSingleton(programme, (sp, _) => new TransmitClientTokenProvider(
                sp,
                sp.GetRequiredService<IOptionsMonitor<AuthClientOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TransmitClientTokenProvider>>(),
                sp.GetService<AuthClientMetrics>()) { Programme = programme });
        }

        ProgrammeServices.TryAddSingleton<ITransmitClientTokenProvider>(services, programme, sp => ProgrammeServices.Get<TransmitClientTokenProvider>(sp, programme));
        services.TryAddTransient<TransmitTransportErrorHandler>();

        // Token endpoint, at the host root: transport-error mapping and resilience only (no authorization handler: it
        // would call itself).
        AddRefitClient<ITransmitTokenApi>(services, programme, tokenClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = TransmitEndpoints.TokenBaseUrl(TransmitEndpoints.ApiBaseUrl(Options(sp, programme)));
                client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns timeouts.
            })
            .AddHttpMessageHandler<TransmitTransportErrorHandler>()
            .AddCallResilience(tokenClientName, programme)
            .AddAttemptPipeline(programme)
            .RemoveAllLoggers()
            .RedactLoggedHeaders(AuthClientServiceCollectionExtensions.IsRedactedHeader);

        // Mobile-biometrics API under /cis. Handler order (outermost first):
        // 1. transport-error mapping, once per logical call;
        // 2. call resilience: total timeout → retry;
        // 3. authorization, inside the retry loop: each attempt carries the current token, and a 401 renews the
        //    client token once before the response reaches the retry strategy; outside the attempt timeout, so a slow
        //    token endpoint is never mistaken for a sent call;
        // 4. attempt timeout, then the response guard (body read inside the attempt, redirects refused).
        // Logging: the factory's default loggers are removed because their structured state holds raw header values
        // (RedactLoggedHeaders only redacts the rendered text); AuthClientHttpLogger logs no header at all. Redaction
        // stays set in case an application adds the default logger back.
        var api = AddRefitClient<ITransmitBiometricsApi>(services, programme, clientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = TransmitEndpoints.ApiBaseUrl(Options(sp, programme));
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<TransmitTransportErrorHandler>()
            .AddCallResilience(clientName, programme)
            .AddHttpMessageHandler(sp => new TransmitAuthorizationHandler(
                ProgrammeServices.Get<ITransmitClientTokenProvider>(sp, programme), sp.GetRequiredService<ILogger<TransmitAuthorizationHandler>>()))
            .AddAttemptPipeline(programme)
            .RemoveAllLoggers()
            .RedactLoggedHeaders(AuthClientServiceCollectionExtensions.IsRedactedHeader);

        if (ProgrammeServices.IsDefault(programme))
        {
            services.TryAddTransient<ITransmitBiometricsClient, TransmitBiometricsClient>();
        }
        else
        {
            services.TryAddKeyedTransient<ITransmitBiometricsClient>(
                programme, (sp, _) => new TransmitBiometricsClient(sp.GetRequiredKeyedService<ITransmitBiometricsApi>(programme)));
        }

        return api;
    }

    private static IHttpClientBuilder AddRefitClient<T>(IServiceCollection services, string programme, string httpClientName)
        where T : class =>
        services.AddGeneratedRefitClient<T>(
            programme, httpClientName, sp => AuthClientServiceCollectionExtensions.CreateRefitSettings(sp, "Transmit", TransmitJsonContext.Default));

    private static TransmitOptions Options(IServiceProvider services, string programme) =>
        ProgrammeServices.Options<AuthClientOptions>(services, programme).Transmit;
}
