// The cold-start floor: what any Native AOT program pays to start and send the same login with a bare HttpClient (no
// DI, options, validation, resilience or typed models). Takes the AOT sample's --base-url and prints the same
// AUTHCLIENT_AOT_TIMINGS marks, so the harness measures both alike.
using System.Text;
using AuthClient.AotFloor;

FloorRun.Mark("main");
if (!FloorRun.TryReadBaseUrl(args, "authclient-aot-floor", out var baseUrl, out var exitCode))
{
    return exitCode;
}

using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
http.DefaultRequestHeaders.Add("api-key", Environment.GetEnvironmentVariable("WEAVR_API_KEY") ?? "floor");
FloorRun.Mark("client-resolved");
using var body = new StringContent("""{"email":"floor@example.com","password":{"value":"floor"}}""", Encoding.UTF8, "application/json");
using var response = await http.PostAsync("login_with_password", body);
var answer = await response.Content.ReadAsStringAsync();
FloorRun.Mark("login-returned");
Console.WriteLine($"{(int)response.StatusCode} ({answer.Length} bytes)");
return response.IsSuccessStatusCode ? 0 : 1;
