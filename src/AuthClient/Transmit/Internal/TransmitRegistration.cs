using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Transmit.Internal;

/// <summary>Registers the Transmit Security clients and their handler pipeline.</summary>
internal static class TransmitRegistration
{
    internal const string ClientName = "AuthClient.Transmit";

    public static IHttpClientBuilder Add(IServiceCollection services) =>
        services.AddHttpClient(ClientName);
}
