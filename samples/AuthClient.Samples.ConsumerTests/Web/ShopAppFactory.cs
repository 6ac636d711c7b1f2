#region shop-app-factory
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace AuthClient.Samples.ConsumerTests.Web;

/// <summary>Hosts the app in memory (TestServer) with AuthClient pointed at a running <see cref="WeavrSandbox"/>.</summary>
/// <param name="sandbox">The sandbox the app talks to.</param>
public sealed class ShopAppFactory(WeavrSandbox sandbox) : WebApplicationFactory<ShopAppFactory>
{
    /// <summary>The in-memory URL of the app's webhook endpoints, for <c>sandbox.DeliverWebhooksTo</c>.</summary>
    public static readonly Uri WebhookUrl = new("http://localhost/webhooks/weavr");

    /// <inheritdoc />
    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .ConfigureWebHostDefaults(web => web
            .ConfigureServices(services => ShopWebApp.ConfigureServices(services, sandbox.ConfigureAuthClient))
            .Configure(ShopWebApp.MapEndpoints));

    /// <inheritdoc />
    // The app has no project folder of its own to serve files from: the test's output folder will do.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
#endregion
