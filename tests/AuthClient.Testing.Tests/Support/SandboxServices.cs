using AuthClient.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Testing.Tests.Support;

/// <summary>The SDK (Weavr and Transmit) registered against a sandbox, without retries, as a consumer would wire it.</summary>
internal static class SandboxServices
{
    public static ServiceProvider Create(WeavrSandbox sandbox)
    {
        var services = new ServiceCollection();
        services.AddAuthClient(o =>
        {
            sandbox.ConfigureAuthClient(o);
            o.Resilience.MaxRetryAttempts = 0; // Each test sees the sandbox's answer.
        });
        return services.BuildServiceProvider();
    }
}
