using AuthClient.Tests.Support;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Programmes;

/// <summary>
/// One programme's Weavr (under <c>/multi</c>) and Transmit (<c>/cis</c>, token at <c>/oidc/token</c>) on its own
/// loopback WireMock server. Every stub demands this programme's api key or client credentials and tokens, so a request
/// carrying another programme's secrets gets WireMock's 404 and fails the test that sent it.
/// </summary>
internal sealed class ProgrammeServer : IDisposable
{
    public ProgrammeServer(string name)
    {
        Name = name;
        ApiKey = $"api-key-{name}-SECRET";
        AuthToken = $"auth-token-{name}-SECRET";
        AccessToken = $"access-token-{name}-SECRET";
        ClientSecret = $"client-secret-{name}-SECRET";
        ClientToken = $"client-token-{name}-SECRET";
        Server = Loopback.StartServer();
        StubWeavr();
        StubTransmit();
    }

    public string Name { get; }

    public string ApiKey { get; }

    public string AuthToken { get; }

    public string AccessToken { get; }

    public string ClientId => "client-" + Name;

    public string ClientSecret { get; }

    public string ClientToken { get; }

    public WireMockServer Server { get; }

    public Uri WeavrUrl => Server.MultiUrl();

    public Uri TransmitUrl => new(Server.Url + "/cis");

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries];

    /// <summary>Every header value and body this server received, to search for another programme's secrets.</summary>
    public string Everything() => string.Join('\n', Server.LogEntries.Select(e =>
        string.Join(";", e.RequestMessage!.Headers!.Select(h => h.Key + "=" + string.Join(",", h.Value))) + "|" + e.RequestMessage.Body));

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public void Dispose() => Server.Stop();

    private IRequestBuilder Weavr(string path, string method) =>
        Request.Create().WithPath("/multi" + path).UsingMethod(method).WithHeader("api-key", ApiKey, MatchBehaviour.AcceptOnMatch);

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("request-ref", "rr").WithBody(body);

    private void StubWeavr()
    {
        Server.Given(Weavr("/login_with_password", "POST"))
            .RespondWith(Json($$$"""{"token":"{{{AuthToken}}}","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"11"},"credentials":{"type":"ROOT","id":"77"}}"""));
        Server.Given(Weavr("/identities", "GET").WithHeader("Authorization", "Bearer " + AuthToken))
            .RespondWith(Json("""{"identities":[{"id":{"type":"CONSUMER","id":"11"},"name":"Ada"}],"count":1,"responseCount":1}"""));
        Server.Given(Weavr("/access_token", "POST").WithHeader("Authorization", "Bearer " + AuthToken))
            .RespondWith(Json($$"""{"token":"{{AccessToken}}","identity":{"type":"CONSUMER","id":"11"},"credentials":{"type":"ROOT","id":"77"},"status":"STANDARD"}"""));
        Server.Given(Weavr("/authentication_factors", "GET").WithHeader("Authorization", "Bearer " + AccessToken))
            .RespondWith(Json("""{"factors":[{"type":"OTP","channel":"SMS","status":"ACTIVE"}]}"""));
    }

    private void StubTransmit()
    {
        Server.Given(Request.Create().WithPath("/oidc/token").UsingPost()
                .WithBody(new WildcardMatcher($"*client_id={ClientId}&client_secret={ClientSecret}*")))
            .RespondWith(Json($$"""{"access_token":"{{ClientToken}}","token_type":"Bearer","expires_in":3600,"scope":""}"""));
        Server.Given(Request.Create().WithPath("/cis/v1/auth/mobile-biometrics/start").UsingPost().WithHeader("Authorization", "Bearer " + ClientToken))
            .RespondWith(Json($$"""{"challenge":"challenge-{{Name}}"}"""));
    }
}
