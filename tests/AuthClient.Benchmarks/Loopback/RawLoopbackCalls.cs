using System.Net.Http.Headers;
using System.Net.Http.Json;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// The three measured calls with a hand-written <see cref="HttpClient"/> and source-generated System.Text.Json: what a
/// careful user would write without the SDK (no validation, retries, typed errors, logging or telemetry).
/// </summary>
internal sealed class RawLoopbackCalls : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _apiKey;

    public RawLoopbackCalls(Uri baseUrl, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/") };
        _apiKey = apiKey;
    }

    /// <summary>Login → identities → OTP verify; throws on any unexpected answer.</summary>
    public async Task RunAsync()
    {
        var bearer = await LoginAsync().ConfigureAwait(false);
        await GetIdentitiesAsync(bearer).ConfigureAwait(false);
        await VerifyAsync(bearer).ConfigureAwait(false);
    }

    /// <summary><c>POST /login_with_password</c> with the api key; returns the bearer header for the next calls.</summary>
    public async Task<AuthenticationHeaderValue> LoginAsync()
    {
        using var login = new HttpRequestMessage(HttpMethod.Post, "login_with_password")
        {
            Content = JsonContent.Create(
                new LoginWithPasswordRequest(LoopbackCalls.Email, new SensitivePassword(new Secret(LoopbackCalls.Password))),
                RawLoopbackJsonContext.Default.LoginWithPasswordRequest),
        };
        login.Headers.Add("api-key", _apiKey);
        using var response = await _http.SendAsync(login).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var loggedIn = await response.Content.ReadFromJsonAsync(RawLoopbackJsonContext.Default.LoginWithPasswordResponse).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", loggedIn!.Token!.Reveal());
    }

    /// <summary><c>GET /identities</c> with the bearer token.</summary>
    public async Task GetIdentitiesAsync(AuthenticationHeaderValue bearer)
    {
        using var identities = new HttpRequestMessage(HttpMethod.Get, "identities");
        identities.Headers.Authorization = bearer;
        using var response = await _http.SendAsync(identities).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync(RawLoopbackJsonContext.Default.RawIdentitiesPage).ConfigureAwait(false);
        _ = page!.Identities[0];
    }

    /// <summary><c>POST /stepup/challenges/otp/SMS/verify</c> with the bearer token and a fresh idempotency-ref.</summary>
    public async Task VerifyAsync(AuthenticationHeaderValue bearer)
    {
        using var verify = new HttpRequestMessage(HttpMethod.Post, "stepup/challenges/otp/SMS/verify")
        {
            Content = JsonContent.Create(new VerificationCodeRequest(new Secret(LoopbackCalls.OtpCode)), RawLoopbackJsonContext.Default.VerificationCodeRequest),
        };
        verify.Headers.Authorization = bearer;
        verify.Headers.Add("idempotency-ref", Guid.NewGuid().ToString("N"));
        using var response = await _http.SendAsync(verify).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
