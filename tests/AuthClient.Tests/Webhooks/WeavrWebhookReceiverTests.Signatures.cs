using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

/// <summary>Signatures and timestamps: what is signed, and how old a delivery may be.</summary>
public sealed partial class WeavrWebhookReceiverTests
{

    [Fact]
    public async Task ReceiveAsync_SignedWithAnotherKey_RejectsInvalidSignature()
    {
        var body = WebhookBodies.BiometricVerified;
        var headers = WebhookTestKit.SignedHeaders("cr-forged", body, WebhookTestKit.Ms(_kit.Time.GetUtcNow()), key: "attacker-key");

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);

        AssertRejected(result, WebhookRejectionReason.InvalidSignature, 401);
    }

    [Fact]
    public async Task ReceiveAsync_BodyWithOneByteChanged_RejectsInvalidSignature()
    {
        var body = WebhookBodies.BiometricVerified;
        var headers = _kit.SignedNow("cr-tampered", body);
        var tampered = (byte[])body.Clone();
        var index = Array.IndexOf(tampered, (byte)'3'); // challengeId "303" -> "203"
        tampered[index] = (byte)'2';

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, tampered);

        AssertRejected(result, WebhookRejectionReason.InvalidSignature, 401);
    }

    [Fact]
    public async Task ReceiveAsync_SameJsonReformatted_RejectsInvalidSignatureBecauseRawBytesAreSigned()
    {
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow("cr-ws", body);
        var reformatted = WebhookBodies.Utf8(System.Text.Encoding.UTF8.GetString(body).Replace(",", ", ", StringComparison.Ordinal));

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, reformatted);

        AssertRejected(result, WebhookRejectionReason.InvalidSignature, 401);
    }

    [Fact]
    public async Task ReceiveAsync_CallRefChangedAfterSigning_RejectsInvalidSignature()
    {
        var body = WebhookBodies.Login;
        var signed = _kit.SignedNow("cr-original", body);
        var headers = new WeavrWebhookHeaders { CallRef = "cr-other", PublishedTimestamp = signed.PublishedTimestamp, SignatureV2 = signed.SignatureV2 };

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, WebhookRejectionReason.InvalidSignature, 401);
    }

    [Fact]
    public async Task ReceiveAsync_TimestampChangedAfterSigning_RejectsInvalidSignature()
    {
        var body = WebhookBodies.Login;
        var signed = _kit.SignedNow("cr-ts", body);
        var headers = new WeavrWebhookHeaders { CallRef = "cr-ts", PublishedTimestamp = WebhookTestKit.Ms(_kit.Time.GetUtcNow().AddSeconds(1)), SignatureV2 = signed.SignatureV2 };

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, WebhookRejectionReason.InvalidSignature, 401);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public async Task ReceiveAsync_GarbageSignature_RejectsWithoutDispatch(string signature)
    {
        var body = WebhookBodies.Login;
        var headers = new WeavrWebhookHeaders { CallRef = "cr", PublishedTimestamp = WebhookTestKit.Ms(_kit.Time.GetUtcNow()), SignatureV2 = signature };

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, signature.Length == 0 ? WebhookRejectionReason.MissingSignature : WebhookRejectionReason.InvalidSignature, 401);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task ReceiveAsync_TimestampOneMillisecondBeyondTolerance_RejectsStaleTimestamp(int direction)
    {
        var body = WebhookBodies.Login;
        var published = _kit.Time.GetUtcNow() + (direction * (Tolerance + TimeSpan.FromMilliseconds(1)));
        var headers = WebhookTestKit.SignedHeaders("cr-stale", body, WebhookTestKit.Ms(published));

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, WebhookRejectionReason.StaleTimestamp, 401);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task ReceiveAsync_TimestampExactlyAtTolerance_Accepts(int direction)
    {
        var body = WebhookBodies.Login;
        var published = _kit.Time.GetUtcNow() + (direction * Tolerance);
        var headers = WebhookTestKit.SignedHeaders("cr-edge", body, WebhookTestKit.Ms(published));

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.True(result.IsAccepted);
        Assert.Equal(published, result.Event.PublishedAt);
        Assert.Single(_kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_DeliveryAgesPastToleranceOnTheFakeClock_BecomesStale()
    {
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow(callRef: null, body);
        _kit.Time.Advance(Tolerance);
        Assert.True((await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body)).IsAccepted);

        _kit.Time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, WebhookRejectionReason.StaleTimestamp, 401, expectedSinkEvents: 1);
    }

    [Fact]
    public async Task ReceiveAsync_CustomTolerance_IsHonoured()
    {
        using var kit = new WebhookTestKit(o => o.TimestampTolerance = TimeSpan.FromSeconds(30));
        var body = WebhookBodies.Login;
        var headers = WebhookTestKit.SignedHeaders("cr", body, WebhookTestKit.Ms(kit.Time.GetUtcNow().AddSeconds(-31)));

        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.Equal(WebhookRejectionReason.StaleTimestamp, result.RejectionReason);
    }
}
