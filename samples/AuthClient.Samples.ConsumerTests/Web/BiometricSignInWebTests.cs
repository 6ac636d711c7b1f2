#region web-biometric-sign-in-test
using AuthClient.Testing;

namespace AuthClient.Samples.ConsumerTests.Web;

/// <summary>The app under WebApplicationFactory: the sandbox's signed webhooks reach it through its TestServer.</summary>
public sealed class BiometricSignInWebTests
{
    [Fact]
    public async Task BiometricSignIn_UserApprovesOnTheirPhone_SignsInSteppedUp()
    {
        await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithDemoUsers().WithAutoApprovePush());
        await using var app = new ShopAppFactory(sandbox);
        sandbox.DeliverWebhooksTo(app.Server.CreateHandler(), ShopAppFactory.WebhookUrl);
        using var client = app.CreateClient();

        var response = await client.PostAsync($"/users/u-1/sign-in/biometric?email={SandboxDemo.BiometricUser}", content: null);

        Assert.Equal("SteppedUp", await response.Content.ReadAsStringAsync());
        Assert.True(Assert.Single(sandbox.WebhookDeliveries).Delivered);
    }
}
#endregion
