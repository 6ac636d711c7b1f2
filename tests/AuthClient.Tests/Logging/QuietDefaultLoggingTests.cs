using AuthClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.Server;

namespace AuthClient.Tests.Logging;

/// <summary>
/// The default output is useful and quiet: at Information a retried call writes one line (the SDK's), nothing per
/// attempt; Polly's per-attempt events are still there at Debug.
/// </summary>
public sealed class QuietDefaultLoggingTests : IDisposable
{
    private readonly WireMockServer _server = Loopback.StartServer();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task RetriedCall_AtInformation_LogsOneLinePerCallAndNothingPerAttempt()
    {
        var logs = await RunRetriedCallAsync(LogLevel.Information);

        var line = Assert.Single(logs.GetSnapshot());
        Assert.Equal("WeavrCallCompleted", line.Id.Name);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("attempts 2", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedCall_AtDebug_PollyStillReportsEachAttemptButOnlyAtDebug()
    {
        var logs = await RunRetriedCallAsync(LogLevel.Debug);

        var polly = logs.GetSnapshot().Where(r => r.Category == "Polly").ToList();
        Assert.Contains(polly, r => r.Message.Contains("Execution attempt", StringComparison.Ordinal));
        Assert.All(polly, r => Assert.Equal(LogLevel.Debug, r.Level));
    }

    /// <summary>One verify call that is retried once (503, then 204), with every log record at or above <paramref name="level"/> kept.</summary>
    private async Task<FakeLogCollector> RunRetriedCallAsync(LogLevel level)
    {
        RetriedVerifyCall.Stub(_server);
        var logs = new FakeLogCollector();
        var time = new TimerRecordingTimeProvider();
        using var host = new AuthClientTestHost(
            baseUrl: _server.MultiUrl(),
            time: time,
            retries: true,
            services: s => s.AddLogging(b => b.SetMinimumLevel(level).AddProvider(new FakeLoggerProvider(logs))));

        await RetriedVerifyCall.RunAsync(host.Weavr, time);
        return logs;
    }
}
