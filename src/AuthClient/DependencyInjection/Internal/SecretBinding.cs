using AuthClient.Webhooks;
using Microsoft.Extensions.Configuration;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>
/// Binds the <see cref="Primitives.Secret"/>-typed settings from configuration, which the binding source generator
/// cannot (it binds only strings and scalars to a property): the key names are the property names, as for every other
/// setting.
/// </summary>
internal static class SecretBinding
{
    public static void Bind(AuthClientOptions options, IConfiguration configuration)
    {
        if (configuration["Weavr:ApiKey"] is { } apiKey)
        {
            options.Weavr.ApiKey = apiKey;
        }

        if (configuration["Transmit:ClientSecret"] is { } clientSecret)
        {
            options.Transmit.ClientSecret = clientSecret;
        }
    }

    public static void Bind(WeavrWebhookOptions options, IConfiguration configuration)
    {
        if (configuration["SigningKey"] is { } signingKey)
        {
            options.SigningKey = signingKey;
        }
    }
}
