using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Tests.Webhooks;

public sealed partial class WeavrWebhookReceiverTests : IDisposable
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
