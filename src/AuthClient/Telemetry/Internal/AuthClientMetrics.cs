using System.Diagnostics;
using System.Diagnostics.Metrics;
using AuthClient.Sessions;
using AuthClient.Webhooks;

namespace AuthClient.Telemetry.Internal;

/// <summary>
/// The <c>AuthClient</c> meter, created through <see cref="IMeterFactory"/> (so it is disposed with the container and
/// tests can collect one host's measurements). One instance per meter factory (<see cref="For"/>), so the webhook
/// receiver, built by its public constructor, shares the container's instruments.
/// </summary>
internal sealed class AuthClientMetrics
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IMeterFactory, AuthClientMetrics> Instances = new();

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _stepUps;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _transmitTokens;
    private readonly List<Func<int>> _liveSessions = [];

    private AuthClientMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AuthClientTelemetry.MeterName, typeof(AuthClientMetrics).Assembly.GetName().Version?.ToString());
#if NET9_0_OR_GREATER
        _duration = meter.CreateHistogram(
            "authclient.operation.duration",
            unit: "s",
            description: "Duration of one logical call to Weavr or Transmit, every retry included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30] });
#else
        // InstrumentAdvice arrived with System.Diagnostics.DiagnosticSource 9; on .NET 8's the exporter's buckets apply.
        _duration = meter.CreateHistogram<double>(
            "authclient.operation.duration",
            unit: "s",
            description: "Duration of one logical call to Weavr or Transmit, every retry included.");
#endif
        _stepUps = meter.CreateCounter<long>("authclient.step_ups", unit: "{step_up}", description: "Step-ups run, by method, trigger and outcome.");
        _transitions = meter.CreateCounter<long>("authclient.session.transitions", unit: "{transition}", description: "Session state changes, by from and to state.");
        _webhooks = meter.CreateCounter<long>("authclient.webhook.deliveries", unit: "{delivery}", description: "Webhook deliveries received, by kind and outcome (with the rejection reason).");
        _transmitTokens = meter.CreateCounter<long>("authclient.transmit.token.requests", unit: "{request}", description: "Transmit client-token requests, by cache result and outcome.");
        meter.CreateObservableUpDownCounter("authclient.sessions.live", ObserveLiveSessions, unit: "{session}", description: "Sessions held in memory by this process.");
    }

    /// <summary>The instruments of <paramref name="meterFactory"/>'s <c>AuthClient</c> meter.</summary>
    public static AuthClientMetrics For(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        return Instances.GetValue(meterFactory, static factory => new AuthClientMetrics(factory));
    }

    /// <summary>Records the duration of one logical call.</summary>
    public void CallCompleted(string api, string operation, string outcome, TimeSpan elapsed)
    {
        if (_duration.Enabled)
        {
            _duration.Record(
                elapsed.TotalSeconds,
                new(AuthClientActivity.Api, api),
                new(AuthClientActivity.Operation, operation),
                new(AuthClientActivity.Outcome, outcome));
        }
    }

    public void StepUpCompleted(StepUpMethod method, bool automatic, string outcome) =>
        _stepUps.Add(
            1,
            new(AuthClientActivity.StepUpMethod, Name(method)),
            new(AuthClientActivity.StepUpTrigger, automatic ? "automatic" : "explicit"),
            new(AuthClientActivity.Outcome, outcome));

    public void SessionTransition(WeavrSessionState from, WeavrSessionState to) =>
        _transitions.Add(1, new(AuthClientActivity.SessionFrom, Name(from)), new(AuthClientActivity.SessionTo, Name(to)));

    public void WebhookReceived(string kind, WebhookReceiveResult result)
    {
        var tags = new TagList
        {
            { AuthClientActivity.WebhookKind, kind },
            { AuthClientActivity.Outcome, Name(result.Outcome) },
        };
        if (result.RejectionReason is { } reason)
        {
            tags.Add(AuthClientActivity.RejectionReason, Name(reason));
        }

        _webhooks.Add(1, tags);
    }

    public void TransmitTokenRequested(string cache, string outcome) =>
        _transmitTokens.Add(1, new(AuthClientActivity.Cache, cache), new(AuthClientActivity.Outcome, outcome));

    /// <summary>Adds a source of live sessions (a session registry) to the <c>authclient.sessions.live</c> gauge.</summary>
    public void ObserveLive(Func<int> count)
    {
        lock (_liveSessions)
        {
            _liveSessions.Add(count);
        }
    }

    private int ObserveLiveSessions()
    {
        lock (_liveSessions)
        {
            var total = 0;
            foreach (var count in _liveSessions)
            {
                total += count();
            }

            return total;
        }
    }

    /// <summary>The snake_case tag value of an enum member (<c>TimedOut</c> → <c>timed_out</c>), without reflection.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var builder = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
