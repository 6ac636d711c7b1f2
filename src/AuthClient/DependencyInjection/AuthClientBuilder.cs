using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.DependencyInjection;

/// <summary>Returned by <c>AddAuthClient</c> so you can add your own handlers to the HTTP clients or replace services.</summary>
public sealed class AuthClientBuilder
{
    internal AuthClientBuilder(IServiceCollection services, IHttpClientBuilder weavr, IHttpClientBuilder transmit)
    {
        Services = services;
        WeavrHttpClient = weavr;
        TransmitHttpClient = transmit;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the builder of the Weavr HTTP client (add handlers with <c>AddHttpMessageHandler</c>).</summary>
    public IHttpClientBuilder WeavrHttpClient { get; }

    /// <summary>Gets the builder of the Transmit HTTP client.</summary>
    public IHttpClientBuilder TransmitHttpClient { get; }
}
