using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Tests.Webhooks;

public sealed class WeavrWebhookReceiverTests : IDisposable
{
    private static readonly TimeSpan Tolerance = WeavrWebhookDefaults.TimestampTolerance;
    private readonly WebhookTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ReceiveAsync_SignedBiometricStepUp_AcceptsTypedEventWithAuthToken()
    {
        var body = WebhookBodies.BiometricVerified;

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _kit.SignedNow("cr-1", body), body);

        Assert.Equal(WebhookReceiveOutcome.Accepted, result.Outcome);
        Assert.True(result.IsAccepted);
        Assert.Equal(204, result.RecommendedStatusCode);
        Assert.Null(result.RejectionReason);
        var e = Assert.IsType<StepUpEvent>(result.Event);
        Assert.Equal("cr-1", e.CallRef);
        Assert.Equal(WebhookTestKit.Start, e.PublishedAt);
        Assert.Equal("303", e.ChallengeId);
        Assert.Equal(StepUpEventTypes.Biometric, e.Type);
        Assert.Equal(WebhookChallengeStatus.Verified, e.Status);
        Assert.Equal(new CredentialId(CredentialType.Root, "101"), e.Credential);
        Assert.Equal(new WebhookIdentity("CONSUMER", "202"), e.Identity);
        Assert.Equal(WebhookBodies.AuthToken, e.AuthToken!.Reveal());
        Assert.Same(e, Assert.Single(_kit.Sink.Events));
    }

    [Theory]
    [InlineData(",\"authToken\":\"\"")]
    [InlineData(",\"authToken\":null")]
    [InlineData("")]
    public async Task ReceiveAsync_StepUpWithEmptyNullOrAbsentAuthToken_AuthTokenIsNull(string authTokenJson)
    {
        var body = WebhookBodies.StepUp(authTokenJson);

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _kit.SignedNow("cr-2", body), body);

        var e = Assert.IsType<StepUpEvent>(result.Event);
        Assert.True(result.IsAccepted);
        Assert.Null(e.AuthToken);
        Assert.Equal(StepUpEventTypes.SmsOtp, e.Type);
        Assert.Equal(new CredentialId(CredentialType.User, "1"), e.Credential);
        Assert.Equal(new WebhookIdentity("CORPORATE", "2"), e.Identity);
    }

    [Fact]
    public async Task ReceiveAsync_SignedLogin_AcceptsTypedEvent()
    {
        var body = WebhookBodies.Login;

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-login", body), body);

        var e = Assert.IsType<LoginEvent>(result.Event);
        Assert.True(result.IsAccepted);
        Assert.Equal(WeavrWebhookKind.Login, result.Kind);
        Assert.Equal("cr-login", e.CallRef);
        Assert.Equal("PASSWORD", e.Type);
        Assert.Equal(WebhookChallengeStatus.Declined, e.Status);
        Assert.Equal(new CredentialId(CredentialType.Root, "11"), e.Credential);
        Assert.Equal(new WebhookIdentity("CONSUMER", "22"), e.Identity);
        Assert.Same(e, Assert.Single(_kit.Sink.Events));
    }

    [Fact]
    public async Task ReceiveAsync_SignedEnrolment_AcceptsTypedEventFromCredentialIdField()
    {
        var body = WebhookBodies.Enrolment;

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Enrolment, _kit.SignedNow("cr-enrol", body), body);

        var e = Assert.IsType<EnrolmentEvent>(result.Event);
        Assert.True(result.IsAccepted);
        Assert.Equal("AUTHY", e.Type);
        Assert.Equal(ScaFactorStatus.Active, e.Status);
        Assert.Equal(new CredentialId(CredentialType.User, "44"), e.CredentialId);
        Assert.Same(e, Assert.Single(_kit.Sink.Events));
    }

    [Fact]
    public async Task ReceiveAsync_UnknownValuesAndExtraFields_KeepsOpenValuesAndIgnoresExtras()
    {
        var body = WebhookBodies.Utf8("""{"credential":{"type":"ROBOT","id":"9","extra":1},"identity":{"type":"ALIEN","id":"8"},"challengeId":"7","type":"FACE_SCAN","status":"CANCELLED_BY_BANK","publishedTimestamp":"1","newField":{"nested":[1,2]}}""");

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _kit.SignedNow("cr-open", body), body);

        var e = Assert.IsType<StepUpEvent>(result.Event);
        Assert.Equal("FACE_SCAN", e.Type);
        Assert.Equal("CANCELLED_BY_BANK", e.Status.Value);
        Assert.False(e.Status.IsKnown);
        Assert.Equal("ROBOT", e.Credential!.Type.Value);
        Assert.False(e.Credential.Type.IsKnown);
        Assert.Equal(new WebhookIdentity("ALIEN", "8"), e.Identity);
    }

    [Fact]
    public async Task ReceiveAsync_PathOverload_ResolvesKindFromPathSuffix()
    {
        var body = WebhookBodies.Enrolment;

        var result = await _kit.Receiver.ReceiveAsync("/hooks/weavr/authentication_factors/watch/", _kit.SignedNow("cr-path", body), body);

        Assert.Equal(WeavrWebhookKind.Enrolment, result.Kind);
        Assert.IsType<EnrolmentEvent>(result.Event);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownPath_RejectsUnknownEventKind()
    {
        var body = WebhookBodies.Login;

        var result = await _kit.Receiver.ReceiveAsync("/hooks/weavr/cards/watch", _kit.SignedNow("cr", body), body);

        AssertRejected(result, WebhookRejectionReason.UnknownEventKind, 404);
        Assert.Null(result.Kind);
    }

    [Fact]
    public async Task ReceiveAsync_UndefinedKind_RejectsUnknownEventKind()
    {
        var body = WebhookBodies.Login;

        var result = await _kit.Receiver.ReceiveAsync((WeavrWebhookKind)42, _kit.SignedNow("cr", body), body);

        AssertRejected(result, WebhookRejectionReason.UnknownEventKind, 404);
    }

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

    [Fact]
    public async Task ReceiveAsync_SeveralSinks_EachCalledExactlyOnceInOrder()
    {
        using var kit = new WebhookTestKit(sinkCount: 3);
        var order = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            kit.Sinks[i].OnHandle = (_, _) => { order.Add(n); return ValueTask.CompletedTask; };
        }

        var body = WebhookBodies.Login;
        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, kit.SignedNow("cr-many", body), body);

        Assert.True(result.IsAccepted);
        Assert.Equal([0, 1, 2], order);
        Assert.All(kit.Sinks, s => Assert.Same(result.Event, Assert.Single(s.Events)));
    }

    [Fact]
    public async Task ReceiveAsync_SinkThrows_HandlerFailedOtherSinksStillCalledAndRedeliveryAccepted()
    {
        using var kit = new WebhookTestKit(sinkCount: 2);
        var failures = 1;
        kit.Sinks[0].OnHandle = (_, _) => failures-- > 0 ? throw new InvalidOperationException("database down") : ValueTask.CompletedTask;
        var body = WebhookBodies.BiometricVerified;
        var headers = kit.SignedNow("cr-fail", body);

        var failed = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);
        var redelivered = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);
        var duplicate = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, headers, body);

        Assert.Equal(WebhookReceiveOutcome.HandlerFailed, failed.Outcome);
        Assert.Equal(500, failed.RecommendedStatusCode);
        Assert.Equal("database down", Assert.IsType<InvalidOperationException>(failed.HandlerException).Message);
        Assert.NotNull(failed.Event);
        Assert.True(redelivered.IsAccepted);
        Assert.Equal(WebhookRejectionReason.Replayed, duplicate.RejectionReason);
        Assert.Equal(2, kit.Sinks[0].Events.Count);
        Assert.Equal(2, kit.Sinks[1].Events.Count); // called on the failed delivery too, so sinks must be idempotent
        var error = Assert.Single(kit.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("cr-fail", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task ReceiveAsync_TwoSinksThrow_HandlerExceptionAggregatesBoth()
    {
        using var kit = new WebhookTestKit(sinkCount: 2);
        kit.Sinks[0].OnHandle = (_, _) => throw new InvalidOperationException("one");
        kit.Sinks[1].OnHandle = (_, _) => throw new TimeoutException("two");
        var body = WebhookBodies.Login;

        var result = await kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, kit.SignedNow("cr-2fail", body), body);

        var aggregate = Assert.IsType<AggregateException>(result.HandlerException);
        Assert.Collection(aggregate.InnerExceptions, e => Assert.IsType<InvalidOperationException>(e), e => Assert.IsType<TimeoutException>(e));
    }

    [Fact]
    public async Task ReceiveAsync_CancelledWhileSinkRuns_ThrowsAndReleasesCallRef()
    {
        using var cts = new CancellationTokenSource();
        _kit.Sink.OnHandle = (_, ct) =>
        {
            cts.Cancel();
            ct.ThrowIfCancellationRequested();
            return ValueTask.CompletedTask;
        };
        var body = WebhookBodies.Login;
        var headers = _kit.SignedNow("cr-cancel", body);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body, cts.Token));
        _kit.Sink.OnHandle = null;
        var redelivered = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, headers, body);

        Assert.True(redelivered.IsAccepted);
    }

    [Fact]
    public async Task ReceiveAsync_AnySuccessOrFailure_NeverLogsOrPrintsKeySignatureOrAuthToken()
    {
        var body = WebhookBodies.BiometricVerified;
        var good = _kit.SignedNow("cr-secret", body);
        _kit.Sink.OnHandle = (e, _) => throw new InvalidOperationException("sink saw " + e);
        var printed = new List<string?>();

        var failed = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, good, body);
        _kit.Sink.OnHandle = null;
        var accepted = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, good, body);
        var replayed = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, good, body);
        var forged = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, WebhookTestKit.SignedHeaders("cr-x", body, good.PublishedTimestamp!, "k2"), body);
        printed.AddRange([failed.ToString(), accepted.ToString(), replayed.ToString(), forged.ToString(), accepted.Event!.ToString(), good.ToString(),
            failed.HandlerException!.Message, _kit.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeavrWebhookOptions>>().Value.ToString()]);

        var text = _kit.AllLogText() + "\n" + string.Join("\n", printed);
        Assert.Equal(WebhookChallengeStatus.Verified, ((StepUpEvent)accepted.Event).Status);
        Assert.DoesNotContain(WebhookTestKit.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(good.SignatureV2!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookBodies.AuthToken, text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", accepted.Event.ToString(), StringComparison.Ordinal);
        Assert.Contains("cr-secret", text, StringComparison.Ordinal); // the correlation id is logged
    }

    [Fact]
    public async Task ReceiveAsync_Rejection_LogsReasonAsWarning()
    {
        var body = WebhookBodies.Login;

        await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, WebhookTestKit.SignedHeaders("cr", body, WebhookTestKit.Ms(_kit.Time.GetUtcNow()), "wrong"), body);

        var record = Assert.Single(_kit.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("InvalidSignature", record.Message, StringComparison.Ordinal);
    }

    private List<Microsoft.Extensions.Logging.Testing.FakeLogRecord> Warnings() =>
        [.. _kit.Logs.GetSnapshot().Where(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning)];

    [Fact]
    public async Task ReceiveAsync_Utf8BomBeforeJson_ParsesBody()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(WebhookBodies.Login).ToArray();

        var result = await _kit.Receiver.ReceiveAsync(WeavrWebhookKind.Login, _kit.SignedNow("cr-bom", body), body);

        Assert.True(result.IsAccepted);
    }

    private void AssertRejected(WebhookReceiveResult result, WebhookRejectionReason reason, int status, int expectedSinkEvents = 0)
    {
        Assert.Equal(WebhookReceiveOutcome.Rejected, result.Outcome);
        Assert.False(result.IsAccepted);
        Assert.Equal(reason, result.RejectionReason);
        Assert.Equal(status, result.RecommendedStatusCode);
        Assert.Null(result.HandlerException);
        Assert.Equal(expectedSinkEvents, _kit.Sink.Events.Count);
    }
}
