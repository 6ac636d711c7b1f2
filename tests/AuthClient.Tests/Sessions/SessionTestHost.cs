using AuthClient.Sessions;
using AuthClient.Tests.Support;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Sessions;

/// <summary>
/// A WireMock Weavr on 127.0.0.1, AddAuthClient + AddSessions with a <see cref="FakeTimeProvider"/> as the DI clock,
/// no retries (so request counts are exact), and helpers for the common stubs.
/// </summary>
internal sealed class SessionTestHost : IDisposable
{
    public const string Scenario = "flow";
    public const string UserKey = "user-1";
    public const string Email = "ada@example.com";
    public const string Password = "Secr3t!pass";
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly IdentityId Consumer11 = new(IdentityType.Consumer, "11");
    public static readonly CredentialId Root77 = new(CredentialType.Root, "77");

    private readonly AuthClientTestHost _host;

    public SessionTestHost(
        Action<WeavrSessionOptions>? configure = null,
        bool withCodeProvider = true,
        IWeavrSessionStore? store = null,
        WireMockServer? server = null,
        FakeTimeProvider? time = null,
        bool captureLogs = false)
    {
        Time = time ?? new FakeTimeProvider(Start);
        _host = new AuthClientTestHost(
            server ?? Loopback.StartServer(),
            ownsServer: server is null,
            time: Time,
            captureLogs: captureLogs,
            services: services =>
            {
                if (withCodeProvider)
                {
                    services.AddSingleton<IOtpCodeProvider>(Codes);
                }

                if (store is not null)
                {
                    services.AddSingleton(store);
                }
            },
            build: b => b.AddSessions(configure));
    }

    public WireMockServer Server => _host.Server;

    public FakeTimeProvider Time { get; }

    public ScriptedOtpCodeProvider Codes { get; } = new();

    public Microsoft.Extensions.Logging.Testing.FakeLogCollector Logs => _host.Logs;

    public ServiceProvider Provider => _host.Provider;

    public IWeavrSessionRegistry Sessions => Provider.GetRequiredService<IWeavrSessionRegistry>();

    public PendingChallengeRegistry Challenges => Provider.GetRequiredService<PendingChallengeRegistry>();

    /// <summary>The challenge sink the webhook receiver would feed: resolved exactly as the receiver resolves sinks
    /// (beside it, the sink that ends the sessions of a deactivated user).</summary>
    public IWeavrWebhookEventSink Sink => Provider.GetServices<IWeavrWebhookEventSink>().OfType<PendingChallengeRegistry>().Single();

    public int RequestCount => Server.LogEntries.Count();

    public static IRequestBuilder Post(string path) => Request.Create().WithPath("/multi" + path).UsingPost();

    public static IRequestBuilder Get(string path) => Request.Create().WithPath("/multi" + path).UsingGet();

    public static IRequestBuilder Delete(string path) => Request.Create().WithPath("/multi" + path).UsingDelete();

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("request-ref", $"rr-{status}").WithBody(body);

    public static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status).WithHeader("request-ref", $"rr-{status}");

    public static IResponseBuilder Conflict(string errorCode) => Json(409, $$"""{"errorCode":"{{errorCode}}"}""");

    public static StepUpEvent StepUp(string challengeId, WebhookChallengeStatus status, string type = StepUpEventTypes.AuthyPush, string? authToken = null, WebhookIdentity? identity = null) => new()
    {
        CallRef = "call-" + challengeId + "-" + status,
        PublishedAt = Start,
        ChallengeId = challengeId,
        Type = type,
        Status = status,
        AuthToken = AuthClient.Primitives.Secret.FromNullable(authToken),
        Identity = identity,
        Credential = Root77,
    };

    /// <summary>Stubs in the given scenario state (staying in it unless <paramref name="next"/> says otherwise).</summary>
    public void Stub(IRequestBuilder request, IResponseBuilder response, string? state = null, string? next = null)
    {
        var given = Server.Given(request);
        if (state is null)
        {
            given.RespondWith(response);
        }
        else
        {
            // WireMock clears a scenario's state after a match without a next state: always name one.
            given.InScenario(Scenario).WhenStateIs(state).WillSetStateTo(next ?? state).RespondWith(response);
        }
    }

    /// <summary>Stubs an SMS OTP step-up in scenario state "standard" whose verification moves it to "stepped-up".</summary>
    public void StubSmsStepUp()
    {
        Stub(Post("/stepup/challenges/otp/SMS"), Status(204), state: "standard");
        Stub(Post("/stepup/challenges/otp/SMS/verify"), Status(204), state: "standard", next: "stepped-up");
    }

    public void SetState(string state) => Server.SetScenarioState(Scenario, state);

    public void StubPasswordLogin(string token = "auth-1", string email = Email) =>
        Stub(Post("/login_with_password").WithBody(new WireMock.Matchers.JsonPartialMatcher($$"""{"email":"{{email}}"}""")),
            Json(200, $$$"""{"token":"{{{token}}}","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"11"},"credentials":{"type":"ROOT","id":"77"}}"""));

    public void StubIdentities(string bearer, params (string Type, string Id, string Name)[] identities)
    {
        var items = string.Join(",", identities.Select(i => $$"""{"id":{"type":"{{i.Type}}","id":"{{i.Id}}"},"name":"{{i.Name}}"}"""));
        Stub(Get("/identities").WithHeader("Authorization", "Bearer " + bearer),
            Json(200, $$"""{"identities":[{{items}}],"count":{{identities.Length}},"responseCount":{{identities.Length}}}"""));
    }

    public void StubAccessToken(string bearer, string token = "access-1", string status = "STANDARD", string identityId = "11", string identityType = "CONSUMER") =>
        Stub(Post("/access_token").WithHeader("Authorization", "Bearer " + bearer).WithBody(new WireMock.Matchers.JsonPartialMatcher($$$"""{"identity":{"id":"{{{identityId}}}"}}""")),
            Json(200, $$"""{"token":"{{token}}","identity":{"type":"{{identityType}}","id":"{{identityId}}"},"credentials":{"type":"ROOT","id":"77"},"status":"{{status}}"}"""));

    /// <summary>Stubs a one-identity password sign-in (auth-1 → access-1, STANDARD) and signs in through the registry.</summary>
    public async Task<IWeavrSession> SignInAsync(string userKey = UserKey)
    {
        StubPasswordLogin();
        StubIdentities("auth-1", ("CONSUMER", "11", "Ada"));
        StubAccessToken("auth-1");
        var session = await Sessions.SignInWithPasswordAsync(userKey, Email, Password);
        Assert.Equal(WeavrSessionState.Access, session.State);
        return session;
    }

    /// <summary>Waits until <paramref name="operation"/> awaits the challenge; surfaces its failure if it ends first.</summary>
    public async Task AwaitedAsync(string challengeId, Task operation)
    {
        var awaited = Challenges.WhenAwaitedAsync(challengeId);
        if (await Task.WhenAny(awaited, operation) == operation)
        {
            await operation;
            Assert.Fail($"The operation ended before awaiting challenge {challengeId}.");
        }
    }

    /// <summary>Waits until <paramref name="operation"/> awaits the enrolment of <paramref name="credential"/>.</summary>
    public async Task EnrolmentAwaitedAsync(CredentialId credential, Task operation)
    {
        var awaited = Challenges.WhenEnrolmentAwaitedAsync(credential);
        if (await Task.WhenAny(awaited, operation) == operation)
        {
            await operation;
            Assert.Fail("The operation ended before awaiting the enrolment.");
        }
    }

    public IReadOnlyList<ILogEntry> Requests(string path, string? method = null) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Path == "/multi" + path && (method is null || e.RequestMessage.Method == method))];

    public IReadOnlyList<string> Paths() => [.. Server.LogEntries.Select(e => e.RequestMessage!.Method + " " + e.RequestMessage.Path["/multi".Length..])];

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public void Dispose() => _host.Dispose();
}
