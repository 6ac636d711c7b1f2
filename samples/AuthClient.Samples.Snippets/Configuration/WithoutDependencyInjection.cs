#region without-di
using AuthClient.DependencyInjection;
using AuthClient.Weavr;

namespace MyApp;

public static class WithoutDependencyInjection
{
    public static async Task RunAsync(string apiKey, string email, string password)
    {
        await using var auth = AuthClientHost.Create(o =>
        {
            o.Weavr.Environment = WeavrEnvironment.Sandbox;
            o.Weavr.ApiKey = apiKey;
        });
        var login = await auth.Weavr.LoginWithPasswordAsync(email, password);
        Console.WriteLine($"{login.Value.Outcome}, request-ref {login.RequestRef}");
    }
}
#endregion
