using AuthClient.Webhooks;

namespace AuthClient.Tests.Webhooks;

/// <summary>Replays and malformed deliveries: call-ref deduplication, missing headers, bodies the spec does not allow.</summary>
public sealed partial class WeavrWebhookReceiverTests
{

    [Fact]
    public async Task ReceiveAsync_SameCallRefTwice_SecondIsReplayedAndSinkCalledOnce()
    {
        var body = WebhookBodies.BiometricVerified;
        var headers = _kit.SignedNow("cr-replay", body);
        var first = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);
        _kit.Time.Advance(TimeSpan.FromMinutes(1));

        var second = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);

        Assert.True(first.IsAccepted);
        Assert.Equal(WebhookReceiveOutcome.Rejected, second.Outcome);
        Assert.Equal(WebhookRejectionReason.Replayed, second.RejectionReason);
        Assert.Equal(204, second.RecommendedStatusCode); // a redelivery of a handled event must stop Weavr retrying
        Assert.Equal(first.Event, second.Event);
        Assert.Single(_kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_SameCallRefWithFreshSignature_IsStillReplayed()
    {
        var body = WebhookBodies.Login;
        await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-redeliver", body), body);
        _kit.Time.Advance(TimeSpan.FromMinutes(9)); // inside the 10-minute replay window

        var redelivery = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-redeliver", body), body);

        Assert.Equal(WebhookRejectionReason.Replayed, redelivery.RejectionReason);
        Assert.Single(_kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_FutureDatedDeliveryReplayedWhileTimestampStillValid_IsReplayedEvenWithMinimumWindow()
    {
        // With ReplayWindow = tolerance, a delivery dated +5 min is valid until now + 10 min; its call-ref must be kept as long.
        using var kit = new WebhookTestKit(o => o.ReplayWindow = o.TimestampTolerance);
        var body = WebhookBodies.Login;
        var headers = WebhookTestKit.SignedHeaders("cr-future", body, WebhookTestKit.Ms(kit.Time.GetUtcNow() + Tolerance));
        Assert.True((await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body)).IsAccepted);

        kit.Time.Advance((2 * Tolerance) - TimeSpan.FromMilliseconds(1));
        var atEdge = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);
        kit.Time.Advance(TimeSpan.FromMilliseconds(2));
        var after = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.Equal(WebhookRejectionReason.Replayed, atEdge.RejectionReason);
        Assert.Equal(WebhookRejectionReason.StaleTimestamp, after.RejectionReason);
        Assert.Single(kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_SameCallRefAfterReplayWindow_IsAcceptedAgain()
    {
        var body = WebhookBodies.Login;
        await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-late", body), body);
        _kit.Time.Advance(WeavrWebhookDefaults.ReplayWindow + TimeSpan.FromMilliseconds(1));

        var late = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-late", body), body);

        Assert.True(late.IsAccepted);
        Assert.Equal(2, _kit.Sink.Events.Count);
    }

    [Fact]
    public async Task ReceiveAsync_NoCallRefReplayed_IsAcceptedOnceAndNeverDispatchedAgain()
    {
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow(callRef: null, body);

        var first = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);
        _kit.Time.Advance(TimeSpan.FromMinutes(4));
        var replay = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.True(first.IsAccepted);
        Assert.Equal(string.Empty, first.Event.CallRef);
        Assert.Equal(WebhookRejectionReason.Replayed, replay.RejectionReason);
        Assert.Equal(204, replay.RecommendedStatusCode);
        Assert.Single(_kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_NoCallRefReplayedWithARespelledSignature_IsStillReplayed()
    {
        // Base64 decoding skips whitespace: a replay keyed on the signature text could slip through with a respelling.
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow(callRef: null, body);
        var respelled = new WeavrWebhookHeaders { PublishedTimestamp = headers.PublishedTimestamp, SignatureV2 = " " + headers.SignatureV2!.Insert(8, " ") };

        var first = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);
        var replay = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, respelled, body);

        Assert.True(first.IsAccepted);
        Assert.Equal(WebhookRejectionReason.Replayed, replay.RejectionReason);
        Assert.Single(_kit.Sink.Events);
    }

    [Fact]
    public async Task ReceiveAsync_NoCallRefDifferentTimestamps_AreDistinctDeliveries()
    {
        var body = WebhookBodies.Login;

        var first = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow(callRef: null, body), body);
        _kit.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow(callRef: null, body), body);

        Assert.True(first.IsAccepted);
        Assert.True(second.IsAccepted);
        Assert.Equal(2, _kit.Sink.Events.Count);
    }

    [Fact]
    public async Task ReceiveAsync_NoCallRefSinkFailed_RedeliveryIsDispatchedAgain()
    {
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow(callRef: null, body);
        _kit.Sink.OnHandle = (_, _) => throw new InvalidOperationException("down");

        var failed = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);
        _kit.Sink.OnHandle = null;
        var redelivered = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.Equal(500, failed.RecommendedStatusCode);
        Assert.True(redelivered.IsAccepted);
    }

    [Theory]
    [InlineData(255, true)]
    [InlineData(256, false)]
    [InlineData(10_000, false)]
    public async Task ReceiveAsync_CallRefLength_AtMostTheSpecs255(int length, bool accepted)
    {
        var body = WebhookBodies.Login;
        var callRef = new string('c', length);

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow(callRef, body), body);

        Assert.Equal(accepted, result.IsAccepted);
        if (!accepted)
        {
            AssertRejected(result, WebhookRejectionReason.InvalidCallRef, 400);
            Assert.DoesNotContain(callRef, _kit.AllLogText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReceiveAsync_AnonymousFlood_LogsOneWarningPerMinutePerReasonAndCountsEveryRejection()
    {
        var body = WebhookBodies.Login;
        var forged = new WeavrWebhookHeaders { CallRef = "cr", PublishedTimestamp = WebhookTestKit.Ms(_kit.Time.GetUtcNow()), SignatureV2 = "AAAA" };

        for (var i = 0; i < 500; i++)
        {
            await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, forged, body);
            await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, new WeavrWebhookHeaders(), body);
        }

        Assert.Equal(2, Warnings().Count);
        Assert.Equal(500, _kit.Receiver.RejectionCount(WebhookRejectionReason.InvalidSignature));
        Assert.Equal(500, _kit.Receiver.RejectionCount(WebhookRejectionReason.MissingSignature));

        _kit.Time.Advance(TimeSpan.FromSeconds(59));
        await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, forged, body);
        Assert.Equal(2, Warnings().Count);

        _kit.Time.Advance(TimeSpan.FromSeconds(1));
        await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, forged, body);
        var warnings = Warnings();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("500 more", warnings[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_CapturedDeliveryReplayedManyTimes_LogsNoWarningOrInformationPerReplay()
    {
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow("cr-captured", body);

        for (var i = 0; i < 100; i++)
        {
            await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);
        }

        Assert.DoesNotContain(_kit.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Information);
        Assert.Equal(99, _kit.Receiver.RejectionCount(WebhookRejectionReason.Replayed));
    }

    [Fact]
    public async Task ReceiveAsync_NoCallRefWhileRequired_RejectsMissingCallRef()
    {
        using var kit = new WebhookTestKit(o => o.RequireCallRef = true);
        var body = WebhookBodies.Login;

        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, kit.SignedNow(callRef: null, body), body);

        Assert.Equal(WebhookRejectionReason.MissingCallRef, result.RejectionReason);
        Assert.Equal(401, result.RecommendedStatusCode);
        Assert.Empty(kit.Sink.Events);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ReceiveAsync_MissingSignatureHeader_RejectsMissingSignature(string? signature)
    {
        var body = WebhookBodies.Login;
        var signed = _kit.SignedNow("cr", body);
        var headers = new WeavrWebhookHeaders { CallRef = signed.CallRef, PublishedTimestamp = signed.PublishedTimestamp, SignatureV2 = signature };

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, WebhookRejectionReason.MissingSignature, 401);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ReceiveAsync_MissingTimestampHeader_RejectsMissingTimestamp(string? timestamp)
    {
        var body = WebhookBodies.Login;
        var signed = _kit.SignedNow("cr", body);
        var headers = new WeavrWebhookHeaders { CallRef = signed.CallRef, PublishedTimestamp = timestamp, SignatureV2 = signed.SignatureV2 };

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        AssertRejected(result, WebhookRejectionReason.MissingTimestamp, 401);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1772366400000")]
    [InlineData("+1772366400000")]
    [InlineData(" 1772366400000")]
    [InlineData("1772366400000.0")]
    [InlineData("1.77e12")]
    [InlineData("99999999999999999999")]
    [InlineData("9223372036854775807")]
    public async Task ReceiveAsync_NonDecimalOrOutOfRangeTimestamp_RejectsInvalidTimestamp(string timestamp)
    {
        var body = WebhookBodies.Login;

        // Correctly signed over that very text: the format check, not the signature, must reject it.
        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, WebhookTestKit.SignedHeaders("cr", body, timestamp), body);

        AssertRejected(result, WebhookRejectionReason.InvalidTimestamp, 401);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type":"PASSWORD"}""")]
    [InlineData("""{"status":"VERIFIED"}""")]
    [InlineData("""{"type":7,"status":"VERIFIED"}""")]
    [InlineData("""{"type":"PASSWORD","status":"VERIFIED",""")]
    public async Task ReceiveAsync_SignedButMalformedLoginBody_RejectsMalformedBody(string json)
    {
        var body = WebhookBodies.Utf8(json);

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-bad", body), body);

        AssertRejected(result, WebhookRejectionReason.MalformedBody, 400);
    }

    [Fact]
    public async Task ReceiveAsync_StepUpWithoutChallengeId_RejectsMalformedBody()
    {
        var body = WebhookBodies.Utf8("""{"type":"BIOMETRIC","status":"VERIFIED","authToken":"x"}""");

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _kit.SignedNow("cr", body), body);

        AssertRejected(result, WebhookRejectionReason.MalformedBody, 400);
    }

    [Fact]
    public async Task ReceiveAsync_LoginBodyOnStepUpPath_RejectsMalformedBody()
    {
        var body = WebhookBodies.Login;

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _kit.SignedNow("cr", body), body);

        AssertRejected(result, WebhookRejectionReason.MalformedBody, 400);
    }

    [Fact]
    public async Task ReceiveAsync_BodyOverLimit_RejectsBodyTooLarge()
    {
        using var kit = new WebhookTestKit(o => o.MaxBodyBytes = 64);
        var body = WebhookBodies.BiometricVerified;

        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, kit.SignedNow("cr", body), body);

        Assert.Equal(WebhookRejectionReason.BodyTooLarge, result.RejectionReason);
        Assert.Equal(413, result.RecommendedStatusCode);
        Assert.Empty(kit.Sink.Events);
    }
}
