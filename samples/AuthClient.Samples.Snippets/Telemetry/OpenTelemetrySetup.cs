#region telemetry-opentelemetry
using AuthClient.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MyApp;

public static class OpenTelemetrySetup
{
    public static void AddAuthClientTelemetry(WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(AuthClientTelemetry.ActivitySourceName, "System.Net.Http"))
            .WithMetrics(m => m.AddMeter(AuthClientTelemetry.MeterName, "System.Net.Http", "Polly"));
}
#endregion
