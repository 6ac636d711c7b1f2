using System.Collections;
using System.Reflection;
using System.Text.Json;
using AuthClient.DependencyInjection;
using AuthClient.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthClient.Tests.Logging;

/// <summary>
/// The options hold the api key, the Transmit client secret and the webhook signing key as <c>Secret</c>s: bound from
/// configuration as plain strings, yet printed by nothing — not a serializer, not a structured logger that walks the
/// public properties (<c>{@options}</c>), not <c>ToString()</c>.
/// </summary>
public sealed class OptionsSecretsTests
{
    private const string ApiKey = "cfg-api-key-4417";
    private const string ClientSecret = "cfg-client-secret-8821";
    private const string SigningKey = "cfg-signing-key-1093";

    [Fact]
    public void BoundFromConfiguration_SecretsAreUsableButPrintedByNothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuthClient:Weavr:ApiKey"] = ApiKey,
            ["AuthClient:Transmit:ClientId"] = "client-id",
            ["AuthClient:Transmit:ClientSecret"] = ClientSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddAuthClient(configuration.GetSection("AuthClient")).AddWebhooks(o => o.SigningKey = SigningKey);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value;
        var webhooks = provider.GetRequiredService<IOptions<WeavrWebhookOptions>>().Value;

        Assert.Equal(ApiKey, options.Weavr.ApiKey.Reveal());
        Assert.Equal(ClientSecret, options.Transmit.ClientSecret.Reveal());
        Assert.Equal(SigningKey, webhooks.SigningKey!.Reveal());
        var printed = string.Join('\n',
            JsonSerializer.Serialize(options), JsonSerializer.Serialize(webhooks),
            Destructure(options), Destructure(webhooks), options.ToString(), options.Weavr.ToString(), options.Transmit.ToString(), webhooks.ToString());
        Assert.Contains("client-id", printed, StringComparison.Ordinal); // the walk did reach the Transmit settings
        Assert.DoesNotContain(ApiKey, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(SigningKey, printed, StringComparison.Ordinal);
    }

    /// <summary>What a structured logger's destructuring does: every public readable property, recursively.</summary>
    private static string Destructure(object? value, int depth = 0)
    {
        if (value is null || depth > 4)
        {
            return "null";
        }

        var type = value.GetType();
        if (type.IsPrimitive || value is string or Uri or TimeSpan or Enum or DateTimeOffset || value is IEnumerable)
        {
            return value.ToString() ?? "";
        }

        return "{" + string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name}={Destructure(p.GetValue(value), depth + 1)}")) + "}";
    }
}
