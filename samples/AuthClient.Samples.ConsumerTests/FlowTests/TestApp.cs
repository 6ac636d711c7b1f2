using AuthClient.DependencyInjection;
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Samples.ConsumerTests.FlowTests;

/// <summary>The app's services wired as in production, but pointed at a running <see cref="WeavrSandbox"/>.</summary>
internal static class TestApp
{
    /// <summary>Builds the container: <c>AddAuthClient(sandbox.ConfigureAuthClient)</c> plus the app's services.</summary>
    /// <param name="sandbox">The sandbox.</param>
    /// <param name="time">The clock shared with the sandbox (a <c>FakeTimeProvider</c>), or <see langword="null"/> for the real one.</param>
    /// <param name="options">Changes to the SDK options after the sandbox's, e.g. retry delays.</param>
    public static ServiceProvider Create(WeavrSandbox sandbox, TimeProvider? time = null, Action<AuthClientOptions>? options = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddAuthClient(o =>
        {
            sandbox.ConfigureAuthClient(o);
            options?.Invoke(o);
        });
        services.AddTransient<SignInService>();
        services.AddTransient<AccountSecurityService>();
        services.AddTransient<DeviceBiometricsService>();
        return services.BuildServiceProvider();
    }
}
