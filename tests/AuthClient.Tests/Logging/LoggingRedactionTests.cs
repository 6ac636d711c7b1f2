using System.Collections;
using System.Text;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Logging;

/// <summary>
/// With every logger at Trace (AuthClient's own, IHttpClientFactory's <c>System.Net.Http.HttpClient.*</c> and the
/// resilience pipeline's), no secret appears in any log record, exception or result text, whether the call succeeds
/// or fails. Each secret is a distinctive string, so a leak anywhere is found by a plain substring search.
/// </summary>
public sealed class LoggingRedactionTests : IDisposable
{
    private const string ApiKey = "APIKEY-zq81xv-secret";
    private const string Password = "PASSWORD-kx93!pq";
    private const string NewPassword = "NEWPASSWORD-lm55$w";
    private const string AuthToken = "TOKEN-AUTH-m1n2b3";
    private const string AccessToken = "TOKEN-ACCESS-r4t5y6";
    private const string BearerToken = "TOKEN-BEARER-u7i8o9";
    private const string TemporaryToken = "TOKEN-TEMP-p0o9i8";
    private const string UpdatedToken = "TOKEN-UPDATED-h6g5f4";
    private const string OtpCode = "937146";

    private static readonly string[] Secrets = [ApiKey, Password, NewPassword, AuthToken, AccessToken, BearerToken, TemporaryToken, UpdatedToken, OtpCode];

    private readonly WireMockServer _server = Loopback.StartServer();
    private readonly List<string> _texts = [];

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task SuccessfulFlow_AtTrace_LogsNoSecret()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("request-ref", "rr-login")
                .WithBody($$$"""{"token":"{{{AuthToken}}}","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"42"},"credentials":{"type":"ROOT","id":"7"}}"""));
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"identities":[{"id":{"type":"CONSUMER","id":"42"},"name":"Ada"}],"count":1,"responseCount":1}"""));
        _server.Given(Request.Create().WithPath("/multi/access_token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithBody($$$"""{"token":"{{{AccessToken}}}","identity":{"type":"CONSUMER","id":"42"},"credentials":{"type":"ROOT","id":"7"},"status":"STANDARD"}"""));
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        _server.Given(Request.Create().WithPath("/multi/passwords/update").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithBody($$$"""{"passwordInfo":{"identityId":{"type":"CONSUMER","id":"42"},"expiryDate":0},"token":"{{{UpdatedToken}}}"}"""));
        _server.Given(Request.Create().WithPath("/multi/logout").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        using var harness = CreateHarness(_server.MultiUrl());
        var weavr = harness.Weavr;

        var login = await weavr.LoginWithPasswordAsync("ada@example.com", Password);
        var identities = await weavr.GetIdentitiesAsync(options: WeavrCallOptions.WithToken(login.Value.Token));
        var access = await weavr.RequestAccessTokenAsync(login.Value.Identity!, WeavrCallOptions.WithToken(login.Value.Token));
        var verify = await weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, OtpCode, WeavrCallOptions.WithToken(access.Value.Token));
        var update = await weavr.UpdatePasswordAsync(Password, NewPassword, WeavrCallOptions.WithToken(new Secret(BearerToken)));
        var logout = await weavr.LogoutAsync(WeavrCallOptions.WithToken(new Secret(BearerToken)));

        // The secrets did go over the wire (so the test would see them if they leaked)...
        Assert.Equal(AuthToken, login.Value.Token.Reveal());
        Assert.Equal(AccessToken, access.Value.Token.Reveal());
        Assert.Contains(_server.LogEntries, e => e.RequestMessage!.Headers!["api-key"].Contains(ApiKey));
        Assert.Contains(_server.LogEntries, e => e.RequestMessage!.Headers!.TryGetValue("Authorization", out var auth) && auth.Contains($"Bearer {AccessToken}"));
        Assert.Contains(_server.LogEntries, e => e.RequestMessage!.Body?.Contains(OtpCode, StringComparison.Ordinal) == true);
        Assert.Contains(_server.LogEntries, e => e.RequestMessage!.Body?.Contains(Password, StringComparison.Ordinal) == true);

        // ...and appear in no result text.
        AddTexts(login, login.Value, identities, access, access.Value, verify, update, update.Value, logout);
        AssertNoSecretAnywhere(harness);
    }

    [Fact]
    public async Task FailingCalls_AtTrace_LogNoSecretAndExceptionsHoldNone()
    {
        _server.Given(Request.Create().WithPath("/multi/login_with_password").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(409).WithHeader("request-ref", "rr-409").WithBody($$$"""{"token":"{{{TemporaryToken}}}"}"""));
        _server.Given(Request.Create().WithPath("/multi/identities").UsingGet()).RespondWith(Response.Create().WithStatusCode(401));
        _server.Given(Request.Create().WithPath("/multi/access_token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errorCode":"INSUFFICIENT_PERMISSIONS"}"""));
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("upstream failure"));
        _server.Given(Request.Create().WithPath("/multi/passwords/update").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(409).WithBody("""{"errorCode":"PASSWORD_INCORRECT"}"""));
        _server.Given(Request.Create().WithPath("/multi/authentication_factors").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$$"""{"factors":[{"type":"OTP","token":"{{{AccessToken}}}" """));
        _server.Given(Request.Create().WithPath("/multi/logout").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3600"));
        using var harness = CreateHarness(_server.MultiUrl());
        var weavr = harness.Weavr;
        var bearer = WeavrCallOptions.WithToken(new Secret(BearerToken));

        var expired = await weavr.LoginWithPasswordAsync("ada@example.com", Password);
        Assert.Equal(PasswordLoginOutcome.PasswordExpired, expired.Value.Outcome);
        Assert.Equal(TemporaryToken, expired.Value.Token.Reveal());
        AddTexts(expired, expired.Value);

        await Capture<WeavrUnauthorizedException>(() => weavr.GetIdentitiesAsync(options: bearer));
        await Capture<WeavrForbiddenException>(() => weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Consumer, "42"), bearer));
        await Capture<WeavrServerException>(() => weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, OtpCode, bearer));
        await Capture<WeavrConflictException>(() => weavr.UpdatePasswordAsync(Password, NewPassword, bearer));
        await Capture<AuthClientInvalidResponseException>(() => weavr.GetAuthenticationFactorsAsync(bearer));
        await Capture<WeavrRateLimitedException>(() => weavr.LogoutAsync(bearer));

        Assert.Equal(4, _server.LogEntries.Count(e => e.RequestMessage!.Path.EndsWith("/verify", StringComparison.Ordinal))); // Retried: more chances to leak.
        AssertNoSecretAnywhere(harness);
    }

    [Fact]
    public async Task TransportFailure_AtTrace_LogsNoSecret()
    {
        using var harness = CreateHarness(Loopback.ClosedUrl());
        var weavr = harness.Weavr;

        await Capture<AuthClientTransportException>(() => weavr.LoginWithPasswordAsync("ada@example.com", Password));
        await Capture<AuthClientTransportException>(() => weavr.VerifyOtpEnrolmentAsync(ScaChannel.Sms, OtpCode, WeavrCallOptions.WithToken(new Secret(BearerToken))));
        await Capture<AuthClientTransportException>(() => weavr.UpdatePasswordAsync(Password, NewPassword, WeavrCallOptions.WithToken(new Secret(BearerToken))));

        Assert.Equal(12, harness.Attempts.Count); // Each call tried 4 times (refused before sending).
        AssertNoSecretAnywhere(harness);
    }

    [Fact]
    public void OptionsAndSecrets_ToString_AreRedacted()
    {
        using var harness = CreateHarness(_server.MultiUrl());
        var options = harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthClient.DependencyInjection.AuthClientOptions>>().Value;
        options.Transmit.ClientSecret = "CLIENTSECRET-never";

        var texts = new[] { options.Weavr.ToString(), options.Transmit.ToString(), new Secret(ApiKey).ToString(), WeavrCallOptions.WithToken(new Secret(BearerToken)).ToString() };

        Assert.All(texts, t => Assert.DoesNotContain(ApiKey, t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(BearerToken, t, StringComparison.Ordinal));
        Assert.DoesNotContain("CLIENTSECRET-never", options.Transmit.ToString(), StringComparison.Ordinal);
    }

    private static RetryingTestHost CreateHarness(Uri baseUrl) => RetryingTestHost.Create(
        baseUrl,
        o =>
        {
            o.Weavr.ApiKey = ApiKey;
            o.Resilience.BaseDelay = TimeSpan.Zero; // No waiting: the point here is what gets written, not when.
        },
        captureLogs: true);

    private async Task Capture<TException>(Func<Task> call)
        where TException : Exception
    {
        var ex = await Assert.ThrowsAnyAsync<TException>(call);
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            _texts.Add(e.ToString());
            _texts.Add(e.Message);
            foreach (DictionaryEntry entry in e.Data)
            {
                _texts.Add($"{entry.Key}={entry.Value}");
            }
        }

        if (ex is AuthClientApiException api)
        {
            _texts.Add(api.Details.ToString());
            _texts.Add(api.Details.ResponseBody ?? string.Empty);
        }

        if (ex is WeavrRateLimitedException limited)
        {
            _texts.Add(limited.RateLimit.ToString());
        }
    }

    private void AddTexts(params object?[] values) => _texts.AddRange(values.Select(v => v?.ToString() ?? string.Empty));

    private void AssertNoSecretAnywhere(RetryingTestHost harness)
    {
        var records = harness.Logs.GetSnapshot();

        // The capture is real: every HTTP attempt was traced and AuthClient logged its calls. IHttpClientFactory's
        // default loggers are replaced: their structured state holds raw header values even when the text is redacted.
        Assert.Contains(records, r => r.Category == "AuthClient.Http.AuthClientHttpLogger" && r.Level == LogLevel.Trace);
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient.AuthClient", StringComparison.Ordinal) == true);
        Assert.Contains(records, r => r.Category == "AuthClient.Http.WeavrCallHandler");

        var texts = _texts.Concat(records.Select(Describe)).ToList();
        foreach (var secret in Secrets)
        {
            var leaks = texts.Where(t => t.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"A secret leaked into {leaks.Count} text(s), e.g.: {leaks.FirstOrDefault()?.Replace(secret, "<SECRET>", StringComparison.Ordinal)}");
        }
    }

    private static string Describe(FakeLogRecord record)
    {
        var text = new StringBuilder()
            .Append(record.Category).Append(' ').Append(record.Level).Append(' ').AppendLine(record.Message)
            .AppendLine(record.Exception?.ToString())
            .AppendLine(record.State?.ToString());
        if (record.State is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                text.Append(key).Append('=').AppendLine(value?.ToString());
            }
        }

        foreach (var scope in record.Scopes)
        {
            text.AppendLine(scope?.ToString());
            if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
            {
                foreach (var (key, value) in scopePairs)
                {
                    text.Append(key).Append('=').AppendLine(value?.ToString());
                }
            }
        }

        return text.ToString();
    }
}
