using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AuthClient.Samples;
using AuthClient.Telemetry;
using AuthClient.Testing;

namespace AuthClient.AspNetCore.Tests.Canary;

/// <summary>
/// The console sample's <c>--telemetry</c> report over the whole embedded journey: every AuthClient span and instrument
/// shows up by name with a count, and no span name or tag (of spans or measurements) holds a secret or an e-mail.
/// </summary>
public sealed class TelemetryJourneyTests
{
    private static readonly string[] SpanNames =
    [
        "weavr.loginWithPassword", "weavr.userIdentities", "weavr.requestAccessToken", "weavr.stepupSCAChallenge",
        "weavr.stepupSCAVerify", "weavr.stepupSCAChallengePush", "weavr.loginViaBiometrics", "weavr.logout",
        "authclient.step_up", "authclient.biometric_sign_in.wait", "authclient.webhook.receive", "authclient.transmit.token",
        "transmit.token", "transmit.register",
    ];

    private static readonly string[] InstrumentNames =
    [
        "authclient.operation.duration", "authclient.step_ups", "authclient.session.transitions", "authclient.sessions.live",
        "authclient.webhook.deliveries", "authclient.transmit.token.requests", "http.client.request.duration",
    ];

    [Fact]
    public async Task EmbeddedJourney_TelemetryReport_NamesEverySpanAndInstrument_AndNoTagHoldsASecret()
    {
        var tags = new ConcurrentQueue<string>();
        using var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AuthClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                tags.Enqueue(a.DisplayName);
                foreach (var tag in a.TagObjects)
                {
                    tags.Enqueue($"{a.OperationName} {tag.Key}={tag.Value}");
                }
            },
        };
        ActivitySource.AddActivityListener(spans);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AuthClientTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((i, _, t, _) => Record(tags, i, t));
        meters.SetMeasurementEventCallback<int>((i, _, t, _) => Record(tags, i, t));
        meters.SetMeasurementEventCallback<double>((i, _, t, _) => Record(tags, i, t));
        meters.Start();
        WeavrSandbox? sandbox = null;
        var hooks = new EmbeddedEnvironmentHooks { Started = env => sandbox = env.Sandbox };
        var output = new StringWriter();

        int exitCode;
        using (var report = new TelemetryReport())
        {
            exitCode = await Journey.RunAsync(output, "telemetry", (journey, ct) => EmbeddedJourney.RunAsync(journey, hooks, ct));
            report.Print(output);
        }

        Assert.True(exitCode == 0, output.ToString());
        var printed = output.ToString();
        var section = printed[printed.IndexOf("Telemetry the journey produced:", StringComparison.Ordinal)..];
        Assert.All(SpanNames, name => Assert.Matches($@"\n\s+AuthClient\s+{name.Replace(".", @"\.", StringComparison.Ordinal)}\s+[1-9]\d*\r?\n", section));
        Assert.All(InstrumentNames, name => Assert.Matches($@"\n\s+\S+\s+{name.Replace(".", @"\.", StringComparison.Ordinal)}\s+[1-9]\d*", section));

        Assert.NotNull(sandbox);
        string[] secrets =
        [
            sandbox.ApiKey, sandbox.Transmit.ClientSecret, DemoUsers.OtpCode, DemoUsers.Jane.Password, DemoUsers.Alan.Password,
            DemoUsers.Alan.NewPassword, DemoUsers.Jane.Email, DemoUsers.Alan.Email, .. CanaryJourneyTests.IssuedTokens(sandbox),
        ];
        var texts = tags.ToList();
        Assert.True(texts.Count >= 100, $"only {texts.Count} span names and tags");
        var leaked = secrets.Where(s => texts.Any(t => t.Contains(s, StringComparison.OrdinalIgnoreCase))).Select(s => $"a secret of {s.Length} characters").ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} secrets found in telemetry: {string.Join(", ", leaked)}");
    }

    private static void Record(ConcurrentQueue<string> texts, Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            texts.Enqueue($"{instrument.Name} {tag.Key}={tag.Value}");
        }
    }
}
