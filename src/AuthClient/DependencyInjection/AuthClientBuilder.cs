using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.DependencyInjection;

/// <summary>Returned by <c>AddAuthClient</c> so you can add your own handlers to the HTTP clients or replace services.</summary>
public sealed class AuthClientBuilder
{
    internal AuthClientBuilder(IServiceCollection services, string name, IConfiguration? configuration, IHttpClientBuilder weavr, IHttpClientBuilder transmit)
    {
        Services = services;
        Name = name;
        Configuration = configuration;
        WeavrHttpClient = weavr;
        TransmitHttpClient = transmit;
    }

    /// <summary>Gets the programme name: empty (<c>Options.DefaultName</c>) for the unnamed registration, else the name
    /// its options are registered under and its services are keyed by.</summary>
    public string Name { get; }

    /// <summary>Gets the section <c>AddAuthClient</c> was bound from, whose <c>Webhooks</c> and <c>Sessions</c> children
    /// <c>AddWebhooks()</c> and <c>AddSessions()</c> bind; <see langword="null"/> when configured in code.</summary>
    internal IConfiguration? Configuration { get; }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the builder of the Weavr HTTP client (add handlers with <c>AddHttpMessageHandler</c>).</summary>
    public IHttpClientBuilder WeavrHttpClient { get; }

    /// <summary>Gets the builder of the Transmit HTTP client.</summary>
    public IHttpClientBuilder TransmitHttpClient { get; }
}
