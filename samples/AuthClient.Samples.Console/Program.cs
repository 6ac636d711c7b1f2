// The AuthClient console sample: the product's main job, one numbered step at a time.
//
//   dotnet run --project samples/AuthClient.Samples.Console
//     Embedded mode (this file): starts the Weavr + Transmit emulator and a real webhook receiver on 127.0.0.1, then
//     runs the whole journey through the SDK — sessions, SMS OTP, push step-up and biometric login answered by signed
//     webhooks over HTTP, automatic step-up, expired password, Transmit device keys.
//   dotnet run --project samples/AuthClient.Samples.Console -- --base-url <url> --api-key <key> --email <e> --password <p>
//     Remote mode (RemoteJourney.cs): the webhook-free part against a Weavr environment.
//   Either mode with --telemetry: prints the spans and metrics the journey produced (TelemetryReport.cs).
//
// The exit code is 0 only when every step succeeded. Secrets (api key, passwords, tokens, codes) are never printed.
using AuthClient.Samples;

var (options, error) = SampleOptions.Parse(args);
if (options is null || options.Help || error is not null)
{
    (error is null ? Console.Out : Console.Error).WriteLine(error is null ? SampleOptions.Usage : $"{error}\n\n{SampleOptions.Usage}");
    return error is null ? 0 : 2;
}

using var telemetry = options.Telemetry ? new TelemetryReport() : null;
var exitCode = options.Remote is { } remote
    ? await Journey.RunAsync(Console.Out, $"remote mode against {remote.BaseUrl}", (journey, ct) => RemoteJourney.RunAsync(remote, journey, configureServices: null, ct))
    : await Journey.RunAsync(Console.Out, "embedded mode (emulated Weavr + Transmit, webhook receiver on 127.0.0.1)", (journey, ct) => EmbeddedJourney.RunAsync(journey, hooks: null, ct));
telemetry?.Print(Console.Out);
return exitCode;
