using AuthClient.Webhooks;
using AuthClient.Webhooks.Internal;

namespace AuthClient.Tests.Webhooks;

/// <summary>
/// Weavr's resends carry the original <c>published-timestamp</c> and <c>call-ref</c> (docs/webhook-redelivery.md): with
/// the age limit raised, a resend within it is accepted once and then answered as a duplicate (204, not dispatched
/// again), a delivery older than the limit is refused, and the call-ref is remembered at least as long as the limit.
/// </summary>
public sealed class WebhookRedeliveryTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Resend_OriginalTimestampWithinAOneDayLimit_AcceptedOnceThenDuplicate()
    {
        using var kit = new WebhookTestKit(o => (o.TimestampTolerance, o.ReplayWindow) = (Day, Day));
        var body = WebhookBodies.Login;
        var original = WebhookTestKit.SignedHeaders("cr-resent", body, WebhookTestKit.Ms(kit.Time.GetUtcNow()));

        // The first attempt failed on the way (Weavr saw no 2xx); the resend, 6 hours later, is the first to arrive.
        kit.Time.Advance(TimeSpan.FromHours(6));
        var first = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, original, body);
        kit.Time.Advance(TimeSpan.FromHours(17));
        var second = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, original, body);

        Assert.True(first.IsAccepted);
        Assert.Equal((WebhookRejectionReason.Replayed, 204), (second.RejectionReason, second.RecommendedStatusCode));
        Assert.Single(kit.Sink.Events);
    }

    [Fact]
    public async Task Delivery_OlderThanTheConfiguredLimit_IsRefused401AndNotDispatched()
    {
        using var kit = new WebhookTestKit(o => (o.TimestampTolerance, o.ReplayWindow) = (Day, Day));
        var body = WebhookBodies.Login;
        var headers = WebhookTestKit.SignedHeaders("cr-old", body, WebhookTestKit.Ms(kit.Time.GetUtcNow() - Day - TimeSpan.FromMilliseconds(1)));

        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.Equal((WebhookRejectionReason.StaleTimestamp, 401), (result.RejectionReason, result.RecommendedStatusCode));
        Assert.Empty(kit.Sink.Events);
    }

    [Fact]
    public async Task CallRef_IsRememberedForTheWholeLimit_EvenWithTheSmallestReplayWindow()
    {
        // ReplayWindow at its minimum (= the limit): every resend that still passes the age check must be a duplicate.
        var limit = TimeSpan.FromHours(3);
        using var kit = new WebhookTestKit(o => (o.TimestampTolerance, o.ReplayWindow) = (limit, limit));
        var body = WebhookBodies.Enrolment;
        var headers = WebhookTestKit.SignedHeaders("cr-kept", body, WebhookTestKit.Ms(kit.Time.GetUtcNow()));
        Assert.True((await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Enrolment, headers, body)).IsAccepted);

        kit.Time.Advance(limit); // the last instant the timestamp is accepted (inclusive)
        var atLimit = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Enrolment, headers, body);
        kit.Time.Advance(TimeSpan.FromMilliseconds(1));
        var beyond = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Enrolment, headers, body);

        Assert.Equal(WebhookRejectionReason.Replayed, atLimit.RejectionReason);
        Assert.Equal(WebhookRejectionReason.StaleTimestamp, beyond.RejectionReason);
        Assert.Single(kit.Sink.Events);
    }

    [Fact]
    public async Task DeactivationResend_IsADuplicateToo()
    {
        using var kit = new WebhookTestKit(o => (o.TimestampTolerance, o.ReplayWindow) = (Day, Day));
        var body = UserDeactivatedWebhookTests.Body("ada@example.com");
        var headers = WebhookTestKit.SignedHeaders("cr-deactivated", body, WebhookTestKit.Ms(kit.Time.GetUtcNow()));

        await kit.Receiver.ReceiveAsync(WeavrWebhookKind.UserDeactivated, headers, body);
        kit.Time.Advance(TimeSpan.FromHours(12));
        var resend = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.UserDeactivated, headers, body);

        Assert.Equal(WebhookRejectionReason.Replayed, resend.RejectionReason);
        Assert.Single(kit.Sink.Events);
    }

    [Theory]
    [InlineData(1440.0, 1440.0, true)] // the largest limit: 1 day
    [InlineData(1440.001, 1440.001, false)]
    [InlineData(60.0, 59.0, false)] // the call-ref must be kept at least as long as the limit
    public void Options_AgeLimitUpToOneDay_ReplayWindowAtLeastTheLimit(double toleranceMinutes, double windowMinutes, bool valid)
    {
        var options = new WeavrWebhookOptions
        {
            SigningKey = "k",
            TimestampTolerance = TimeSpan.FromMinutes(toleranceMinutes),
            ReplayWindow = TimeSpan.FromMinutes(windowMinutes),
        };

        Assert.Equal(valid, WeavrWebhookOptionsValidator.GetFailures(options).Count == 0);
    }
}
