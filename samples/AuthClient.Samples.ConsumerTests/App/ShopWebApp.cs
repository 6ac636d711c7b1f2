using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>
/// The consumer's ASP.NET Core app, as its Program.cs would wire it: AuthClient with sessions and the signed webhook
/// endpoints, and one endpoint of its own that signs a user in with biometrics (a push to their phone).
/// </summary>
public static class ShopWebApp
{
    /// <summary>Registers the app's services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="authClient">The SDK options: configuration in production, the sandbox in tests.</param>
    public static void ConfigureServices(IServiceCollection services, Action<AuthClientOptions> authClient)
    {
        services.AddRouting();
        // Push step-up: the answer arrives on the same webhook endpoints as the biometric sign-in.
        services.AddAuthClient(authClient).AddSessions(o => o.StepUpMethod = StepUpMethod.Push).AddWebhooks();
    }

    /// <summary>Maps the app's endpoints: <c>POST /users/{userKey}/sign-in/biometric?email=</c> and the Weavr webhooks.</summary>
    /// <param name="app">The app.</param>
    public static void MapEndpoints(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapWeavrWebhooks();
            endpoints.MapPost("/users/{userKey}/sign-in/biometric", SignInWithBiometricsAsync);
        });
    }

    // 200 with the session state once the user approved on their phone; 401 with the outcome otherwise.
    private static async Task<IResult> SignInWithBiometricsAsync(string userKey, string email, IWeavrSessionRegistry sessions, CancellationToken cancellationToken)
    {
        var result = await sessions.SignInWithBiometricsAsync(userKey, email, cancellationToken: cancellationToken);
        return result.Succeeded
            ? Results.Text(result.Session.State.ToString())
            : Results.Text(result.Outcome.ToString(), statusCode: StatusCodes.Status401Unauthorized);
    }
}
