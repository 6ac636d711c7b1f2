namespace AuthClient.Telemetry;

/// <summary>
/// The names AuthClient's traces and metrics are published under, for OpenTelemetry's <c>AddSource</c> and
/// <c>AddMeter</c>. Every span, instrument and tag is listed in <c>docs/telemetry.md</c>.
/// </summary>
public static class AuthClientTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per logical call (not per attempt),
    /// per step-up, per biometric sign-in wait, per webhook delivery and per Transmit client-token request.</summary>
    public const string ActivitySourceName = "AuthClient";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name (created through <c>IMeterFactory</c>).</summary>
    public const string MeterName = "AuthClient";
}
