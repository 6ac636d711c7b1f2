// A net8.0 ASP.NET Core app on the packed packages: it signs a user in through its own endpoint against the
// in-process emulator, and checks it runs on the 8.0 line of Microsoft.Extensions.*. Exit 0 only when all holds.
using System.Net.Http.Json;
using AuthClient.AspNetCore;
using AuthClient.DependencyInjection;
using AuthClient.Testing;
using AuthClient.Weavr;

await using var sandbox = await WeavrSandbox.StartAsync(b => b.WithUser(u => u.Email("ada@example.com")));

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuthClient(sandbox.ConfigureAuthClient).AddWebhooks();
var app = builder.Build();
app.MapWeavrWebhooks("/webhooks/weavr");
app.MapPost("/sign-in", async (SignInForm form, IWeavrAuthClient weavr, CancellationToken ct) =>
{
    var login = await weavr.LoginWithPasswordAsync(form.Email, form.Password, ct);
    var auth = WeavrCallOptions.WithToken(login.Value.Token);
    var identities = await weavr.GetIdentitiesAsync(options: auth, cancellationToken: ct);
    var access = await weavr.RequestAccessTokenAsync(identities.Value.Identities[0].Id, auth, ct);
    return Results.Ok(new SignInAnswer($"{access.Value.Status}", access.RequestRef));
});
await app.StartAsync();

var failures = new List<string>();
using (var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
{
    var response = await http.PostAsJsonAsync("/sign-in", new SignInForm("ada@example.com", "Passw0rd!"));
    var answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<SignInAnswer>() : null;
    Console.WriteLine($"sign-in through the app: {(int)response.StatusCode}, ACCESS token {answer?.Status}, request-ref {answer?.RequestRef}");
    if (answer is not { Status: "STANDARD" })
    {
        failures.Add("the sign-in did not end with a STANDARD ACCESS token");
    }
}

// The app must run on .NET 8 with the 8.0 line of the extensions the packages depend on (not 10.0 assemblies).
// Not checked: Microsoft.Extensions.Logging.Abstractions (and the DependencyInjection.Abstractions it brings), which
// StackExchange.Redis 3.4 (under AuthClient.Redis) itself requires at 10.0.13 on net8.0; AuthClient asks for 8.0.x.
Console.WriteLine($"runtime {Environment.Version}");
var eightLine = new[]
{
    typeof(IHttpClientFactory),                                              // Microsoft.Extensions.Http (pinned here)
    typeof(Microsoft.Extensions.Configuration.ConfigurationBinder),          // Microsoft.Extensions.Configuration.Binder
    typeof(ServiceProvider),                                                 // Microsoft.Extensions.DependencyInjection
    typeof(Microsoft.Extensions.Options.IOptions<>),                         // Microsoft.Extensions.Options
};
foreach (var type in eightLine)
{
    var version = type.Assembly.GetName().Version!;
    Console.WriteLine($"{type.Assembly.GetName().Name} {version}");
    if (version.Major != 8)
    {
        failures.Add($"{type.Assembly.GetName().Name} is {version}, not the 8.0 line");
    }
}

if (Environment.Version.Major != 8)
{
    failures.Add($"runs on .NET {Environment.Version}, not .NET 8");
}

await app.StopAsync();
foreach (var failure in failures)
{
    Console.Error.WriteLine("FAILED: " + failure);
}

Console.WriteLine(failures.Count == 0 ? "net8.0 consumer: ok" : "net8.0 consumer: failed");
return failures.Count == 0 ? 0 : 1;

internal sealed record SignInForm(string Email, string Password);

internal sealed record SignInAnswer(string Status, string? RequestRef);
