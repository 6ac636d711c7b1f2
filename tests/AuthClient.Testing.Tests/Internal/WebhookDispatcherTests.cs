using System.Security.Cryptography;
using System.Text;
using AuthClient.Primitives;
using AuthClient.Testing.Internal;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Testing.Tests.Internal;

public sealed class WebhookDispatcherTests
{
    private static readonly DateTimeOffset PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(1767225600123);

    [Fact]
    public async Task DeliverAsync_WithoutUrl_RecordsAWireBodySignedSoTheSdkReceiverAcceptsIt()
    {
        using var dispatcher = new WebhookDispatcher("my-api-key", target: null);
        var stepUp = new StepUpEvent
        {
            CallRef = "ref-1",
            PublishedAt = PublishedAt,
            ChallengeId = "7",
            Type = StepUpEventTypes.AuthyPush,
            Status = WebhookChallengeStatus.Verified,
            Credential = new CredentialId(CredentialType.Root, "42"),
            AuthToken = new Secret(string.Empty),
        };

        var delivery = await dispatcher.DeliverAsync(stepUp, CancellationToken.None);

        Assert.Equal(
            ("/stepup/watch", "ref-1", "1767225600123", """{"credential":{"type":"ROOT","id":"42"},"challengeId":"7","type":"AUTHY_PUSH","status":"VERIFIED","publishedTimestamp":"1767225600123","authToken":""}"""),
            (delivery.Path, delivery.CallRef, delivery.PublishedTimestamp, delivery.Body));
        Assert.True(WeavrWebhookSigner.Verify("my-api-key", delivery.CallRef, Encoding.UTF8.GetBytes(delivery.Body), delivery.PublishedTimestamp, delivery.SignatureV2));
        Assert.False(WeavrWebhookSigner.Verify("other-key", delivery.CallRef, Encoding.UTF8.GetBytes(delivery.Body), delivery.PublishedTimestamp, delivery.SignatureV2));
        Assert.Null(delivery.Url);
    }

    [Fact]
    public async Task DeliverAsync_EnrolmentEvent_GoesToTheFactorsWatchPath()
    {
        using var dispatcher = new WebhookDispatcher("k", target: null);

        var delivery = await dispatcher.DeliverAsync(
            new EnrolmentEvent { CallRef = "c", PublishedAt = PublishedAt, Type = "AUTHY", Status = ScaFactorStatus.Inactive },
            CancellationToken.None);

        Assert.Equal("/authentication_factors/watch", delivery.Path);
        Assert.Equal("""{"type":"AUTHY","status":"INACTIVE","publishedTimestamp":"1767225600123"}""", delivery.Body);
    }

    [Fact]
    public void LegacySignature_IsHmacOfTheTimestampOnly()
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData("key"u8, "123"u8));

        Assert.Equal(expected, WebhookDispatcher.LegacySignature("key", "123"));
    }
}
