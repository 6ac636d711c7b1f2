using AuthClient.DependencyInjection;
using AuthClient.DependencyInjection.Internal;
using AuthClient.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthClient.Transmit.Internal;

/// <summary>Registers the Transmit Security clients and their handler pipelines.</summary>
internal static class TransmitRegistration
{
    internal const string ClientName = "AuthClient.Transmit";
    internal const string TokenClientName = "AuthClient.Transmit.Token";

    /// <summary>Adds the token provider, both Refit clients and <see cref="ITransmitBiometricsClient"/>.</summary>
    /// <returns>The builder of the biometrics API's HTTP client.</returns>
    public static IHttpClientBuilder Add(IServiceCollection services)
    {
        services.TryAddSingleton<TransmitClientTokenProvider>();
        services.TryAddSingleton<ITransmitClientTokenProvider>(sp => sp.GetRequiredService<TransmitClientTokenProvider>());
        services.TryAddTransient<TransmitAuthorizationHandler>();
        services.TryAddTransient<TransmitTransportErrorHandler>();

        // Token endpoint, at the host root: transport-error mapping and resilience only (no authorization handler: it
        // would call itself).
        services
            .AddGeneratedRefitClient<ITransmitTokenApi>(
                TokenClientName, sp => AuthClientServiceCollectionExtensions.CreateRefitSettings(sp, "Transmit", TransmitJsonContext.Default))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = TransmitEndpoints.TokenBaseUrl(TransmitEndpoints.ApiBaseUrl(Options(sp)));
                client.Timeout = Timeout.InfiniteTimeSpan; // The resilience pipeline owns timeouts.
            })
            .AddHttpMessageHandler<TransmitTransportErrorHandler>()
            .AddCallResilience(TokenClientName)
            .AddAttemptPipeline(TokenClientName)
            .RemoveAllLoggers()
            .AddLogger<AuthClientHttpLogger>()
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
        var api = services
            .AddGeneratedRefitClient<ITransmitBiometricsApi>(
                ClientName, sp => AuthClientServiceCollectionExtensions.CreateRefitSettings(sp, "Transmit", TransmitJsonContext.Default))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = TransmitEndpoints.ApiBaseUrl(Options(sp));
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<TransmitTransportErrorHandler>()
            .AddCallResilience(ClientName)
            .AddHttpMessageHandler<TransmitAuthorizationHandler>()
            .AddAttemptPipeline(ClientName)
            .RemoveAllLoggers()
            .AddLogger<AuthClientHttpLogger>()
            .RedactLoggedHeaders(AuthClientServiceCollectionExtensions.IsRedactedHeader);

        services.TryAddTransient<ITransmitBiometricsClient, TransmitBiometricsClient>();
        return api;
    }

    private static TransmitOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AuthClientOptions>>().Value.Transmit;
}
