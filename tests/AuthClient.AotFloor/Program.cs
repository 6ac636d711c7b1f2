// The cold-start floor: what any Native AOT program pays to start and send the same login with a bare HttpClient (no
// DI, options, validation, resilience or typed models). Takes the AOT sample's --base-url and prints the same
// AUTHCLIENT_AOT_TIMINGS marks, so the harness measures both alike.
using System.Diagnostics;
using System.Text;

var timings = Environment.GetEnvironmentVariable("AUTHCLIENT_AOT_TIMINGS") == "1";
void Mark(string step)
{
    if (timings)
    {
        Console.Error.WriteLine($"timing {step} {Stopwatch.GetTimestamp()}");
    }
}

Mark("main");
var at = Array.IndexOf(args, "--base-url");
if (at < 0 || at + 1 >= args.Length)
{
    Console.WriteLine("Usage: authclient-aot-floor --base-url <url>");
    return args.Contains("--help") ? 0 : 2;
}

using var http = new HttpClient { BaseAddress = new Uri(args[at + 1].TrimEnd('/') + "/") };
http.DefaultRequestHeaders.Add("api-key", Environment.GetEnvironmentVariable("WEAVR_API_KEY") ?? "floor");
Mark("client-resolved");
using var body = new StringContent("""{"email":"floor@example.com","password":{"value":"floor"}}""", Encoding.UTF8, "application/json");
using var response = await http.PostAsync("login_with_password", body);
var answer = await response.Content.ReadAsStringAsync();
Mark("login-returned");
Console.WriteLine($"{(int)response.StatusCode} ({answer.Length} bytes)");
return response.IsSuccessStatusCode ? 0 : 1;
