#region testing-lockout
using AuthClient.DependencyInjection;
using AuthClient.Errors;
using AuthClient.Testing;
using AuthClient.Weavr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MyApp.Tests;

public sealed class LockoutFlowTests
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_UntilThirtyMinutesHavePassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email("ada@example.com")).WithTimeProvider(time));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddAuthClient(sandbox.ConfigureAuthClient);
        await using var provider = services.BuildServiceProvider();
        var weavr = provider.GetRequiredService<IWeavrAuthClient>();

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<WeavrForbiddenException>(() => weavr.LoginWithPasswordAsync("ada@example.com", "wrong"));
        }

        await Assert.ThrowsAsync<WeavrLockedException>(() => weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!"));
        time.Advance(TimeSpan.FromMinutes(30));                                         // lock over, without waiting
        var login = await weavr.LoginWithPasswordAsync("ada@example.com", "Passw0rd!");
        Assert.Equal(PasswordLoginOutcome.Authenticated, login.Value.Outcome);
    }
}
#endregion
