using System.Text;

namespace AuthClient.Testing.Tests.Support;

/// <summary>Plain <see cref="HttpClient"/> calls to the sandbox, for wire details the SDK hides.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly WeavrSandbox _sandbox;

    public RawClient(WeavrSandbox sandbox)
    {
        _sandbox = sandbox;
        _http = new HttpClient { BaseAddress = new Uri(sandbox.Url) };
    }

    public HttpClient Http => _http;

    public async Task<RawResponse> SendAsync(
        HttpMethod method,
        string path,
        string? json = null,
        string? token = null,
        bool withApiKey = true,
        string? apiKey = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (withApiKey)
        {
            request.Headers.TryAddWithoutValidation("api-key", apiKey ?? _sandbox.ApiKey);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new RawResponse((int)response.StatusCode, body, response.Headers, response.Content.Headers);
    }

    public Task<RawResponse> PostAsync(string path, string? json = null, string? token = null, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, path, json, token, headers: headers);

    public Task<RawResponse> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, token: token);

    public async Task<RawResponse> LoginAsync(string email, string? password = null) =>
        await PostAsync("/multi/login_with_password", $$$"""{"email":"{{{email}}}","password":{"value":"{{{password ?? _sandbox.GetUser(email).Password}}}"}}""");

    public async Task<string> AuthTokenAsync(string email)
    {
        var login = await LoginAsync(email);
        Assert.Equal(200, login.Status);
        return login.Get("token")!;
    }

    public async Task<string> AccessTokenAsync(string email)
    {
        var user = _sandbox.GetUser(email);
        var auth = await AuthTokenAsync(email);
        var access = await PostAsync("/multi/access_token", $$$"""{"identity":{"type":"{{{user.Identity.Type}}}","id":"{{{user.Identity.Id}}}"}}""", auth);
        Assert.Equal(200, access.Status);
        return access.Get("token")!;
    }

    public async Task<string> SteppedUpTokenAsync(string email)
    {
        var access = await AccessTokenAsync(email);
        Assert.Equal(204, (await PostAsync("/multi/stepup/challenges/otp/SMS", token: access)).Status);
        Assert.Equal(204, (await PostAsync("/multi/stepup/challenges/otp/SMS/verify", """{"verificationCode":"123456"}""", access)).Status);
        return access;
    }

    public void Dispose() => _http.Dispose();
}
