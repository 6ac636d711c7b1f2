#region testing-sandbox
using AuthClient.DependencyInjection;
using AuthClient.Testing;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MyApp.Tests;

public sealed class PasswordSignInFlowTests
{
    [Fact]
    public async Task SignIn_AgainstTheEmulator_GetsAnAccessToken_AndA503OnIdentitiesIsRetried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await WeavrSandbox.StartAsync(b => b
            .WithUser(u => u.Email("ada@example.com").WithSms())    // password Passw0rd!, OTP 123456
            .WithTimeProvider(time));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddAuthClient(o =>
        {
            sandbox.ConfigureAuthClient(o);                          // Weavr + Transmit URLs, api key, client
            o.Resilience.BaseDelay = TimeSpan.Zero;                  // retries without waiting
        });
        services.AddTransient<PasswordSignIn>();
        await using var provider = services.BuildServiceProvider();
        sandbox.Faults.Next().OnPath("/identities").RespondWith(503);

        var access = await provider.GetRequiredService<PasswordSignIn>().SignInAsync("ada@example.com", "Passw0rd!", CancellationToken.None);

        Assert.Equal(AccessTokenStatus.Standard, access?.Status);
        Assert.Equal(2, sandbox.RequestLog.Count(e => e.Path.EndsWith("/identities", StringComparison.Ordinal)));
    }
}
#endregion
