using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AuthClient.Benchmarks;

/// <summary>
/// The same five calls as <see cref="SdkJourney"/> with a bare <see cref="HttpClient"/>: hand-written JSON, a
/// <see cref="JsonDocument"/> to read the tokens, no validation, retries, typed errors or logging. The SDK's overhead is
/// the difference between the two.
/// </summary>
internal sealed class RawJourney : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] LoginBody = Encoding.UTF8.GetBytes(
        $$$"""{"email":"{{{SdkJourney.Email}}}","password":{"value":"{{{SdkJourney.Password}}}"}}""");

    private static readonly byte[] VerifyBody = Encoding.UTF8.GetBytes($$"""{"verificationCode":"{{SdkJourney.OtpCode}}"}""");
    private readonly HttpClient _http;

    public RawJourney(string weavrBaseUrl, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(weavrBaseUrl.TrimEnd('/') + "/") };
        _http.DefaultRequestHeaders.Add("api-key", apiKey);
    }

    public async Task RunAsync()
    {
        var authToken = await ReadStringAsync(SendAsync(HttpMethod.Post, "login_with_password", null, LoginBody), "token").ConfigureAwait(false);
        string identityType, identityId;
        using (var identities = await SendAsync(HttpMethod.Get, "identities", authToken, null).ConfigureAwait(false))
        {
            var id = identities!.RootElement.GetProperty("identities")[0].GetProperty("id");
            identityType = id.GetProperty("type").GetString()!;
            identityId = id.GetProperty("id").GetString()!;
        }

        var accessBody = Encoding.UTF8.GetBytes($$$"""{"identity":{"type":"{{{identityType}}}","id":"{{{identityId}}}"}}""");
        var accessToken = await ReadStringAsync(SendAsync(HttpMethod.Post, "access_token", authToken, accessBody), "token").ConfigureAwait(false);
        (await SendAsync(HttpMethod.Post, "stepup/challenges/otp/SMS", accessToken, null, idempotent: true).ConfigureAwait(false))?.Dispose();
        (await SendAsync(HttpMethod.Post, "stepup/challenges/otp/SMS/verify", accessToken, VerifyBody, idempotent: true).ConfigureAwait(false))?.Dispose();
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> ReadStringAsync(Task<JsonDocument?> pending, string property)
    {
        using var document = await pending.ConfigureAwait(false);
        return document!.RootElement.GetProperty(property).GetString()!;
    }

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string path, string? token, byte[]? body, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotent)
        {
            request.Headers.Add("idempotency-ref", Guid.NewGuid().ToString("N"));
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return response.StatusCode == HttpStatusCode.NoContent
            ? null
            : await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }
}
