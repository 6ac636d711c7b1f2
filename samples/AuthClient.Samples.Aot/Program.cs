// AuthClient under Native AOT: log in with a password and list the user's identities, wired through DI exactly as
// an application does. Exit codes: 0 success, 1 the API or the network failed, 2 bad usage or configuration,
// 3 the password has expired. Secrets (api key, password, tokens) are never printed.
using System.Diagnostics;
using AuthClient.DependencyInjection;
using AuthClient.Errors;
using AuthClient.Samples.Aot;
using AuthClient.Weavr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// AUTHCLIENT_AOT_TIMINGS=1 prints each step's monotonic clock on stderr, for .ci/aot-cold-start.sh to place in time.
var timings = Environment.GetEnvironmentVariable("AUTHCLIENT_AOT_TIMINGS") == "1";
void Mark(string step)
{
    if (timings)
    {
        Console.Error.WriteLine($"timing {step} {Stopwatch.GetTimestamp()}");
    }
}

Mark("main");

// 1. Read the command line (secrets may come from the environment instead, to keep them out of shell history).
if (!CommandLine.TryParse(args, out var settings, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (settings.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

// 2. Configuration → AddAuthClient(IConfiguration): the source-generated binder, no reflection.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToConfiguration()).Build();
var services = new ServiceCollection();
// Console logging only when asked for: under Native AOT the console logger's first use (its options, formatters and
// their generic types built at run time) adds several milliseconds to start-up (docs/performance.md, section 2).
if (settings.Verbose)
{
    services.AddLogging(logging => logging
        .AddSimpleConsole(o => o.SingleLine = true)
        .SetMinimumLevel(LogLevel.None)
        .AddFilter("AuthClient", LogLevel.Debug)
        .AddFilter("Polly", LogLevel.Information));
}

services.AddAuthClient(configuration);
await using var provider = services.BuildServiceProvider();
Mark("container-built");

IWeavrAuthClient weavr;
try
{
    // 3. Resolving validates the options (a host would do it at start-up).
    weavr = provider.GetRequiredService<IWeavrAuthClient>();
    Mark("client-resolved");
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine("Invalid configuration:");
    ex.Failures.ToList().ForEach(f => Console.Error.WriteLine($"  - {f}"));
    return 2;
}

try
{
    // 4. Log in.
    var login = await weavr.LoginWithPasswordAsync(settings.Email!, settings.Password!);
    Mark("login-returned");
    if (login.Value.Outcome == PasswordLoginOutcome.PasswordExpired)
    {
        Console.WriteLine($"The password has expired: change it with UpdatePasswordAsync (request-ref {login.RequestRef}).");
        return 3;
    }

    Console.WriteLine($"Logged in: {login.Value.TokenType} token for {login.Value.Identity?.Type} {login.Value.Identity?.Id} (request-ref {login.RequestRef}).");

    // 5. List the identities the AUTH token can access.
    var identities = await weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(login.Value.Token));
    Mark("identities-returned");
    Console.WriteLine($"{identities.Value.Count} identit{(identities.Value.Count == 1 ? "y" : "ies")}:");
    foreach (var identity in identities.Value.Identities)
    {
        Console.WriteLine($"  {identity.Id.Type} {identity.Id.Id}  {identity.Name}");
    }

    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"Invalid input: {ex.Message}");
    return 2;
}
catch (AuthClientException ex)
{
    // Messages carry status, error code and request-ref, never a secret.
    Console.Error.WriteLine($"Failed: {ex.Message}");
    return 1;
}
