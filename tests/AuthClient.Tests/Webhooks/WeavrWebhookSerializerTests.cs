using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

public sealed class WeavrWebhookSerializerTests : IDisposable
{
    private readonly WebhookTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    public static TheoryData<WeavrWebhookEvent> Events => new()
    {
        new StepUpEvent
        {
            CallRef = "cr-s", PublishedAt = WebhookTestKit.Start, ChallengeId = "77", Type = StepUpEventTypes.Biometric,
            Status = WebhookChallengeStatus.Verified, Credential = new(CredentialType.Root, "1"), Identity = new("CONSUMER", "2"),
            AuthToken = new Secret("auth-token-value"),
        },
        new StepUpEvent { CallRef = "cr-d", PublishedAt = WebhookTestKit.Start, ChallengeId = "78", Type = StepUpEventTypes.AuthyPush, Status = WebhookChallengeStatus.Declined },
        new LoginEvent { CallRef = "cr-l", PublishedAt = WebhookTestKit.Start, Type = "TOKEN", Status = WebhookChallengeStatus.Verified, Credential = new(CredentialType.User, "3") },
        new EnrolmentEvent { CallRef = "cr-e", PublishedAt = WebhookTestKit.Start, Type = "AUTHY", Status = ScaFactorStatus.Inactive, CredentialId = new(CredentialType.Root, "4") },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task SerializeToUtf8Bytes_SignedAndReceived_RoundTripsToAnEqualEvent(WeavrWebhookEvent original)
    {
        var body = WeavrWebhookSerializer.SerializeToUtf8Bytes(original);
        var headers = WeavrWebhookSigner.CreateHeaders(WebhookTestKit.ApiKey, original.CallRef, body, original.PublishedAt);

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookPaths.GetPath(WeavrWebhookSerializer.GetKind(original)), headers, body);

        Assert.True(result.IsAccepted);
        Assert.Equal(original, result.Event);
    }

    [Fact]
    public void SerializeToUtf8Bytes_StepUp_WritesWeavrWireShape()
    {
        var e = new StepUpEvent
        {
            CallRef = "cr", PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(1772366400123), ChallengeId = "9", Type = "BIOMETRIC",
            Status = WebhookChallengeStatus.Verified, Credential = new(CredentialType.Root, "1"), Identity = new("CONSUMER", "2"), AuthToken = new Secret("t"),
        };

        using var json = JsonDocument.Parse(WeavrWebhookSerializer.SerializeToUtf8Bytes(e));
        var root = json.RootElement;

        Assert.Equal("1772366400123", root.GetProperty("publishedTimestamp").GetString());
        Assert.Equal("9", root.GetProperty("challengeId").GetString());
        Assert.Equal("VERIFIED", root.GetProperty("status").GetString());
        Assert.Equal("ROOT", root.GetProperty("credential").GetProperty("type").GetString());
        Assert.Equal("CONSUMER", root.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("t", root.GetProperty("authToken").GetString());
        Assert.False(root.TryGetProperty("callRef", out _));
    }

    [Fact]
    public void SerializeToUtf8Bytes_Enrolment_UsesCredentialIdField()
    {
        var e = new EnrolmentEvent { CallRef = "c", PublishedAt = WebhookTestKit.Start, Type = "AUTHY", Status = ScaFactorStatus.Active, CredentialId = new(CredentialType.User, "5") };

        using var json = JsonDocument.Parse(WeavrWebhookSerializer.SerializeToUtf8Bytes(e));

        Assert.Equal("5", json.RootElement.GetProperty("credentialId").GetProperty("id").GetString());
        Assert.False(json.RootElement.TryGetProperty("credential", out _));
    }

    [Fact]
    public void GetKind_OtherEventType_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => WeavrWebhookSerializer.GetKind(new OtherEvent { CallRef = "", PublishedAt = default }));

        Assert.Equal("webhookEvent", ex.ParamName);
    }

    private sealed record OtherEvent : WeavrWebhookEvent;
}
