using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace AuthClient.Benchmarks.Raw;

/// <summary>
/// The three measured calls written by hand: <see cref="HttpClient"/> + System.Text.Json source generation, a status
/// check, nothing else (no validation, retries, timeouts, typed errors, logging or telemetry).
/// </summary>
internal sealed class RawCalls(HttpClient http)
{
    /// <summary>A client for a real server: sockets (or <paramref name="handler"/> in front of them), the base URL with
    /// a trailing slash, the api key as a default header.</summary>
    public static HttpClient CreateClient(Uri baseUrl, string apiKey, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/") };
        client.DefaultRequestHeaders.Add("api-key", apiKey);
        return client;
    }

    /// <summary>One round: login → identities → OTP verify; throws on any unexpected answer.</summary>
    public async Task RunAsync()
    {
        var token = await LoginAsync().ConfigureAwait(false);
        await IdentitiesAsync(token).ConfigureAwait(false);
        await VerifyAsync(token).ConfigureAwait(false);
    }

    private static readonly RawLoginRequest Login = new(SdkJourney.Email, new RawPassword(SdkJourney.Password));
    private static readonly RawVerifyRequest Verify = new(SdkJourney.OtpCode);

    /// <summary><c>POST /login_with_password</c>: api-key (a default header) and a JSON body.</summary>
    public async Task<string> LoginAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "login_with_password")
        {
            Content = JsonContent.Create(Login, RawJsonContext.Default.RawLoginRequest),
        };
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawTokenResponse).ConfigureAwait(false);
        return body!.Token;
    }

    /// <summary><c>GET /identities</c> with a bearer token.</summary>
    public async Task<int> IdentitiesAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "identities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawIdentitiesResponse).ConfigureAwait(false);
        return body!.Identities.Count;
    }

    /// <summary><c>POST /stepup/challenges/otp/SMS/verify</c> with a bearer token and a fresh idempotency-ref.</summary>
    public async Task VerifyAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "stepup/challenges/otp/SMS/verify")
        {
            Content = JsonContent.Create(Verify, RawJsonContext.Default.RawVerifyRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("idempotency-ref", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
