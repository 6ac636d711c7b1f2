using System.Diagnostics;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Telemetry;

/// <summary>
/// One span and one duration per logical Weavr call, however many attempts it took.
/// </summary>
public sealed class CallTelemetryTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task RetriedCall_OneSpanAndOneDuration_WithAttemptsStatusAndTemplate()
    {
        RetriedVerifyCall.Stub(_server);
        using var spans = new SpanRecorder();
        using var harness = RetryingTestHost.Create(_server.MultiUrl());
        using var durations = new MetricCollector<double>(harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "AuthClient", "authclient.operation.duration");

        await RetriedVerifyCall.RunAsync(harness.Weavr, harness.Time);

        var span = spans.Single("weavr.stepupSCAVerify");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal("/stepup/challenges/otp/{channel}/verify", span.GetTagItem("url.template"));
        Assert.Equal(204, span.GetTagItem("http.response.status_code"));
        Assert.Equal("rr-verify", span.GetTagItem("authclient.request_ref"));
        Assert.Equal(2, span.GetTagItem("authclient.attempts"));
        Assert.Equal("success", span.GetTagItem("authclient.outcome"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("weavr", duration.Tags["authclient.api"]);
        Assert.Equal("stepupSCAVerify", duration.Tags["authclient.operation"]);
        Assert.Equal("success", duration.Tags["authclient.outcome"]);
        Assert.True(duration.Value >= 0);
    }

    [Fact]
    public async Task ErrorAnswer_SpanCarriesStatusAndErrorType_DurationOutcomeIsClientError()
    {
        _server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(409).WithHeader("Content-Type", "application/json").WithHeader("request-ref", "rr-409").WithBody("""{"errorCode":"VERIFICATION_CODE_INVALID"}"""));
        using var spans = new SpanRecorder();
        using var host = new AuthClientTestHost(_server);
        using var durations = new MetricCollector<double>(host.Provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "AuthClient", "authclient.operation.duration");

        await Assert.ThrowsAsync<WeavrConflictException>(() => host.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WeavrCallOptions.WithToken(new Secret("t"))));

        var span = spans.Single("weavr.stepupSCAVerify");
        Assert.Equal(409, span.GetTagItem("http.response.status_code"));
        Assert.Equal("409", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("client_error", Assert.Single(durations.GetMeasurementSnapshot()).Tags["authclient.outcome"]);
    }

    [Fact]
    public async Task NoAnswer_SpanErrorTypeIsTheTypedException_DurationOutcomeIsTransportError()
    {
        using var spans = new SpanRecorder();
        using var host = new AuthClientTestHost(baseUrl: Loopback.ClosedUrl());
        using var durations = new MetricCollector<double>(host.Provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "AuthClient", "authclient.operation.duration");

        await Assert.ThrowsAsync<AuthClientTransportException>(() => host.Weavr.LogoutAsync(WeavrCallOptions.WithToken(new Secret("t"))));

        var span = spans.Single("weavr.logout");
        Assert.Equal(typeof(AuthClientTransportException).FullName, span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("transport_error", Assert.Single(durations.GetMeasurementSnapshot()).Tags["authclient.outcome"]);
    }
}
