using System.Text;
using System.Text.Json;
using AuthClient.Testing.Internal;
using AuthClient.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Testing.Tests.Internal;

public sealed class SandboxEngineTests : IDisposable
{
    private const string ApiKey = "engine-key";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly WebhookDispatcher _webhooks = new(ApiKey, target: null);
    private readonly SandboxEngine _engine;

    public SandboxEngineTests()
    {
        var rules = new SandboxRules();
        var users = new[]
        {
            new SandboxUserBuilder().Email("ada@example.com").WithSms().Build(1),
            new SandboxUserBuilder().Email("kat@example.com").WithBiometric().Build(2),
        };
        _engine = new SandboxEngine(ApiKey, rules, _time, users, _webhooks, new TransmitEngine(rules, _time, [new("c", "s")]));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _webhooks.Dispose();
    }

    [Fact]
    public async Task HandleAsync_PasswordLogin_AnswersWithoutAnyHttpHost()
    {
        var response = await SendAsync("POST", "/multi/login_with_password", """{"email":"ada@example.com","password":{"value":"Passw0rd!"}}""");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("AUTH", JsonDocument.Parse(response.Body).RootElement.GetProperty("tokenType").GetString());
        Assert.NotNull(response.Header("request-ref"));
    }

    [Fact]
    public async Task HandleAsync_RequestRefs_AreUniquePerResponse()
    {
        var refs = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            refs.Add((await SendAsync("GET", "/multi/identities")).Header("request-ref")!);
        }

        Assert.Equal(50, refs.Count);
    }

    [Fact]
    public async Task HandleAsync_AutoApproveOff_LeavesTheChallengePendingWithNoPostResponseWork()
    {
        var response = await SendAsync("POST", "/multi/login_via_biometrics", """{"email":"kat@example.com"}""");

        Assert.Null(response.AfterSent);
        Assert.Single(_engine.PendingChallenges);
    }

    [Fact]
    public async Task HandleAsync_AutoApproveOn_ApprovesOnlyAfterTheResponseIsSent()
    {
        _engine.AutoApprovePush = true;

        var response = await SendAsync("POST", "/multi/login_via_biometrics", """{"email":"kat@example.com"}""");

        Assert.NotNull(response.AfterSent);
        Assert.Single(_engine.PendingChallenges); // Nothing happens until the host reports the response as sent.
    }

    [Fact]
    public async Task HandleAsync_DropResponseFault_RunsTheCallButAsksTheHostToDrop()
    {
        _engine.Faults.Next().DropResponse();

        var response = await SendAsync("POST", "/multi/login_with_password", """{"email":"ada@example.com","password":{"value":"Passw0rd!"}}""");

        Assert.True(response.DropConnection);
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task CompleteAsync_WithoutWebhookUrl_RecordsASignedDelivery()
    {
        var login = await SendAsync("POST", "/multi/login_via_biometrics", """{"email":"kat@example.com"}""");
        var challengeId = JsonDocument.Parse(login.Body).RootElement.GetProperty("challengeId").GetString()!;

        var delivery = await _engine.CompleteAsync(challengeId, SandboxChallengeOutcome.Declined, CancellationToken.None);

        Assert.Equal("/stepup/watch", delivery.Path);
        Assert.True(WeavrWebhookSigner.Verify(ApiKey, delivery.CallRef, Encoding.UTF8.GetBytes(delivery.Body), delivery.PublishedTimestamp, delivery.SignatureV2));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.PublishedTimestamp);
    }

    [Fact]
    public async Task HandleAsync_UnexpectedFailure_Answers500WithARequestRef()
    {
        var request = new SandboxRequest("GET", "/multi/identities", _ => throw new InvalidOperationException("header store broken"), _ => null, ReadOnlyMemory<byte>.Empty);

        var response = await _engine.HandleAsync(request, CancellationToken.None);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"message":"The sandbox failed: header store broken"}""", response.BodyText);
        Assert.NotNull(response.Header("request-ref"));
    }

    private async Task<SandboxResponse> SendAsync(string method, string path, string? body = null) =>
        await _engine.HandleAsync(
            SandboxRequest.Create(method, path, new Dictionary<string, string> { ["api-key"] = ApiKey }, body),
            CancellationToken.None);
}
