using System.Diagnostics.Metrics;
using AuthClient.Sessions;
using AuthClient.Tests.Sessions;
using AuthClient.Tests.Transmit;
using AuthClient.Tests.Webhooks;
using AuthClient.Transmit.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WireMock.Matchers;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Telemetry;

/// <summary>
/// Spans and instruments beyond single calls: step-up, biometric sign-in wait, session transitions, live sessions,
/// webhook deliveries and the Transmit client token; and the canary rule for every span name and tag.
/// </summary>
public sealed class SessionTelemetryTests
{
    [Fact]
    public async Task ExplicitOtpStepUp_OneStepUpSpanAndCount_TransitionsAndLiveSessions()
    {
        using var host = new SessionTestHost();
        using var spans = new SpanRecorder();
        var meters = host.Provider.GetRequiredService<IMeterFactory>();
        using var stepUps = new MetricCollector<long>(meters, "AuthClient", "authclient.step_ups");
        using var transitions = new MetricCollector<long>(meters, "AuthClient", "authclient.session.transitions");
        using var live = new MetricCollector<int>(meters, "AuthClient", "authclient.sessions.live");
        host.StubSmsStepUp();
        host.SetState("standard");
        var session = await host.SignInAsync();
        host.Codes.Enqueue("123456");

        Assert.Equal(ChallengeOutcome.Verified, (await session.StepUpAsync()).Outcome);

        var span = spans.Single("authclient.step_up");
        Assert.Equal("otp", span.GetTagItem("authclient.step_up.method"));
        Assert.Equal("explicit", span.GetTagItem("authclient.step_up.trigger"));
        Assert.Equal("verified", span.GetTagItem("authclient.outcome"));
        Assert.Equal(2, spans.Spans.Count(s => s.ParentSpanId == span.SpanId)); // The challenge and its verification.
        var counted = Assert.Single(stepUps.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("otp", counted.Tags["authclient.step_up.method"]);
        Assert.Equal("explicit", counted.Tags["authclient.step_up.trigger"]);
        Assert.Equal("verified", counted.Tags["authclient.outcome"]);
        Assert.Equal(
            ["anonymous>authenticated", "authenticated>access", "access>stepped_up"],
            transitions.GetMeasurementSnapshot().Select(m => $"{m.Tags["authclient.session.from"]}>{m.Tags["authclient.session.to"]}"));
        live.RecordObservableInstruments();
        Assert.Equal(1, live.LastMeasurement!.Value);
    }

    [Fact]
    public async Task StepUpRequiredCall_AutomaticStepUpIsCountedAsAutomatic()
    {
        using var host = new SessionTestHost();
        using var stepUps = new MetricCollector<long>(host.Provider.GetRequiredService<IMeterFactory>(), "AuthClient", "authclient.step_ups");
        host.StubSmsStepUp();
        host.SetState("standard");
        host.Stub(Get("/authentication_factors"), Json(403, """{"errorCode":"STEP_UP_REQUIRED"}"""), state: "standard");
        host.Stub(Get("/authentication_factors"), Json(200, """{"factors":[]}"""), state: "stepped-up");
        var session = await host.SignInAsync();
        host.Codes.Enqueue("123456");

        await session.ExecuteAsync((client, options, ct) => client.GetAuthenticationFactorsAsync(options, ct));

        var counted = Assert.Single(stepUps.GetMeasurementSnapshot());
        Assert.Equal("automatic", counted.Tags["authclient.step_up.trigger"]);
        Assert.Equal("verified", counted.Tags["authclient.outcome"]);
    }

    [Fact]
    public async Task BiometricSignIn_WaitSpanEndsWithTheWebhookOutcome()
    {
        using var host = new SessionTestHost();
        using var spans = new SpanRecorder();
        host.Stub(Post("/login_via_biometrics").WithBody(new JsonPartialMatcher($$"""{"email":"{{Email}}"}""")), Json(200, """{"challengeId":"901"}"""));

        var signIn = host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        await host.AwaitedAsync("901", signIn);
        await host.Sink.HandleAsync(StepUp("901", WebhookChallengeStatus.Declined, StepUpEventTypes.Biometric), CancellationToken.None);
        Assert.Equal(ChallengeOutcome.Declined, (await signIn).Outcome);

        var wait = spans.Single("authclient.biometric_sign_in.wait");
        Assert.Equal("declined", wait.GetTagItem("authclient.outcome"));
        Assert.Equal("loginViaBiometrics", spans.Single("weavr.loginViaBiometrics").GetTagItem("authclient.operation"));
    }

    [Fact]
    public async Task WebhookDeliveries_SpanAndCount_WithOutcomeAndRejectionReason()
    {
        using var kit = new WebhookTestKit();
        using var spans = new SpanRecorder();
        using var deliveries = new MetricCollector<long>(kit.Services.GetRequiredService<IMeterFactory>(), "AuthClient", "authclient.webhook.deliveries");
        var body = WebhookBodies.BiometricVerified;

        Assert.True((await kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, kit.SignedNow("cr-1", body), body)).IsAccepted);
        await kit.Receiver.ReceiveAsync(WeavrWebhookKind.StepUp, WebhookTestKit.SignedHeaders("cr-2", body, WebhookTestKit.Ms(kit.Time.GetUtcNow()), "another-key"), body);

        Assert.Equal(
            ["step_up accepted ", "step_up rejected invalid_signature"],
            deliveries.GetMeasurementSnapshot().Select(m => $"{m.Tags["authclient.webhook.kind"]} {m.Tags["authclient.outcome"]} {(m.Tags.TryGetValue("authclient.webhook.rejection_reason", out var r) ? r : null)}"));
        var received = spans.Spans.Where(s => s.OperationName == "authclient.webhook.receive").ToList();
        Assert.Equal(["accepted", "rejected"], received.Select(s => s.GetTagItem("authclient.outcome")));
        Assert.Equal("invalid_signature", received[1].GetTagItem("authclient.webhook.rejection_reason"));
    }

    [Fact]
    public async Task TransmitToken_FetchThenHit_OneTokenSpanAndTheCacheResultCounted()
    {
        using var host = new TransmitTestHost();
        using var spans = new SpanRecorder();
        using var requests = new MetricCollector<long>(host.Provider.GetRequiredService<IMeterFactory>(), "AuthClient", "authclient.transmit.token.requests");
        host.GivenToken();
        host.GivenStart();

        await host.Client.StartAsync(BiometricsStartRequest.ForUser("u1"));
        await host.Client.StartAsync(BiometricsStartRequest.ForUser("u2"));

        var token = spans.Single("authclient.transmit.token");
        Assert.Equal("success", token.GetTagItem("authclient.outcome"));
        Assert.Equal("/oidc/token", Assert.Single(spans.Spans, s => s.OperationName == "transmit.token").GetTagItem("url.template"));
        Assert.Equal(token.SpanId, spans.Single("transmit.token").ParentSpanId);
        var starts = spans.Spans.Where(s => s.OperationName == "transmit.start").ToList();
        Assert.Equal(2, starts.Count);
        Assert.All(starts, s => Assert.Equal("/v1/auth/mobile-biometrics/start", s.GetTagItem("url.template")));
        Assert.Equal(["fetch success", "hit success"], requests.GetMeasurementSnapshot().Select(m => $"{m.Tags["authclient.cache"]} {m.Tags["authclient.outcome"]}"));
    }

    [Fact]
    public async Task Journey_NoSecretInAnySpanNameTagOrMeasurementTag()
    {
        string[] canaries = [Email, Password, "auth-1", "access-1", "bio-auth", "123456", Tests.Support.AuthClientTestHost.DefaultApiKey, "Bearer"];
        using var host = new SessionTestHost();
        using var spans = new SpanRecorder();
        using var measurements = new MeasurementRecorder(host.Provider.GetRequiredService<IMeterFactory>());
        host.StubSmsStepUp();
        host.SetState("standard");
        var session = await host.SignInAsync();
        host.Codes.Enqueue("123456");
        await session.StepUpAsync();
        host.Stub(Post("/login_via_biometrics"), Json(200, """{"challengeId":"902"}"""));
        host.StubAccessToken("bio-auth", token: "bio-access", status: "STEPPED_UP");
        var signIn = host.Sessions.SignInWithBiometricsAsync("user-2", Email);
        await host.AwaitedAsync("902", signIn);
        await host.Sink.HandleAsync(StepUp("902", WebhookChallengeStatus.Verified, StepUpEventTypes.Biometric, "bio-auth", new WebhookIdentity("CONSUMER", "11")), CancellationToken.None);
        Assert.True((await signIn).Succeeded);
        host.Stub(Post("/logout"), Status(204));
        await session.LogoutAsync();
        measurements.Observe();

        var texts = spans.Spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.OperationName).Append(s.DisplayName))
            .Concat(measurements.Measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument} {t.Key}={t.Value}")))
            .ToList();
        Assert.NotEmpty(spans.Spans);
        Assert.Contains(measurements.Measurements, m => m.Instrument == "authclient.sessions.live");
        foreach (var canary in canaries)
        {
            Assert.DoesNotContain(texts, t => t.Contains(canary, StringComparison.OrdinalIgnoreCase));
        }
    }
}
