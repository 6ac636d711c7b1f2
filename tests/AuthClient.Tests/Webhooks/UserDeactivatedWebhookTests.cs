using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

/// <summary><c>/auth/users/user_deactivated/watch</c> (<c>IdentityDeactivatedEvent</c>): verified and parsed like the other webhooks.</summary>
public sealed class UserDeactivatedWebhookTests : IDisposable
{
    private readonly WebhookTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    public static byte[] Body(string email, string reason = "ACCOUNT_SECURITY") =>
        WebhookBodies.Utf8($$"""{"actionDoneBy":"ADMIN","emailAddress":"{{email}}","reasonCode":"{{reason}}"}""");

    [Fact]
    public async Task ReceiveAsync_SignedOnItsPath_AcceptsTypedEventForTheSinks()
    {
        var body = Body("Ada@Example.com");

        var result = await _kit.Receiver.ReceiveAsync("/webhooks/weavr/auth/users/user_deactivated/watch", _kit.SignedNow("cr-d1", body), body);

        Assert.True(result.IsAccepted);
        Assert.Equal(WeavrWebhookKind.UserDeactivated, result.Kind);
        var e = Assert.IsType<UserDeactivatedEvent>(result.Event);
        Assert.Equal(("cr-d1", "Ada@Example.com", "ADMIN", "ACCOUNT_SECURITY"), (e.CallRef, e.EmailAddress, e.ActionDoneBy, e.ReasonCode));
        Assert.Same(e, Assert.Single(_kit.Sink.Events));
    }

    [Fact]
    public async Task ReceiveAsync_UnknownReasonCode_IsKeptAsSent()
    {
        var body = Body("ada@example.com", "SOMETHING_NEW");

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.UserDeactivated, _kit.SignedNow("cr-d2", body), body);

        Assert.Equal("SOMETHING_NEW", Assert.IsType<UserDeactivatedEvent>(result.Event).ReasonCode);
    }

    [Theory]
    [InlineData("""{"actionDoneBy":"ADMIN","reasonCode":"TEMPORARY"}""")]
    [InlineData("""{"actionDoneBy":"ADMIN","emailAddress":"","reasonCode":"TEMPORARY"}""")]
    [InlineData("""{"emailAddress":"ada@example.com","reasonCode":"TEMPORARY"}""")]
    [InlineData("""{"actionDoneBy":"ADMIN","emailAddress":"ada@example.com"}""")]
    public async Task ReceiveAsync_ARequiredFieldMissing_RejectsMalformedBody(string json)
    {
        var body = WebhookBodies.Utf8(json);

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.UserDeactivated, _kit.SignedNow("cr-d3", body), body);

        Assert.Equal((WebhookRejectionReason.MalformedBody, 400), (result.RejectionReason, result.RecommendedStatusCode));
        Assert.Empty(_kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_SignedWithAnotherKey_RejectsInvalidSignature()
    {
        var body = Body("ada@example.com");
        var headers = WebhookTestKit.SignedHeaders("cr-d4", body, WebhookTestKit.Ms(_kit.Time.GetUtcNow()), key: "another-key");

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.UserDeactivated, headers, body);

        Assert.Equal((WebhookRejectionReason.InvalidSignature, 401), (result.RejectionReason, result.RecommendedStatusCode));
        Assert.Empty(_kit.Sink.Events);
    }

    [Fact]
    public void Serializer_RoundTripsTheEventOnItsPath()
    {
        var e = new UserDeactivatedEvent
        {
            CallRef = "cr-d5",
            PublishedAt = WebhookTestKit.Start,
            EmailAddress = "ada@example.com",
            ActionDoneBy = "INNOVATOR",
            ReasonCode = "ACCOUNT_CLOSURE",
        };

        var bytes = WeavrWebhookSerializer.SerializeToUtf8Bytes(e);

        Assert.Equal(WeavrWebhookKind.UserDeactivated, WeavrWebhookSerializer.GetKind(e));
        Assert.Equal("/auth/users/user_deactivated/watch", WeavrWebhookPaths.GetPath(WeavrWebhookKind.UserDeactivated));
        Assert.Equal(e, WeavrWebhookSerializer.Deserialize(WeavrWebhookKind.UserDeactivated, "cr-d5", WebhookTestKit.Start, bytes));
    }
}
