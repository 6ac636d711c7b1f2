using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthClient.Samples;
using AuthClient.Sessions;
using AuthClient.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AuthClient.AspNetCore.Tests.Canary;

/// <summary>
/// The canary: the console sample's whole embedded journey (sessions, OTP and push step-up, biometric login over
/// signed webhooks, expired password, Transmit) with every log category at Trace, every exception thrown in the process
/// while it runs, the journey's own output, and every session snapshot serialized the way an application's serializer
/// would (System.Text.Json, reflection) and printed — searched for the api key, the passwords, the OTP code, the
/// Transmit client secret and every token the emulator issued. Zero occurrences.
/// </summary>
public sealed partial class CanaryJourneyTests
{
    [Fact]
    public async Task EmbeddedJourney_EverythingAtTrace_HoldsNoSecret()
    {
        var logs = new FakeLogCollector();
        var store = new RecordingSessionStore();
        var exceptions = new ConcurrentQueue<string>();
        WeavrSandbox? sandbox = null;
        var hooks = new EmbeddedEnvironmentHooks
        {
            Logging = b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)),
            AuthClient = b => b.Services.Replace(ServiceDescriptor.Singleton<IWeavrSessionStore>(store)),
            Started = env => sandbox = env.Sandbox,
        };
        void OnException(object? sender, FirstChanceExceptionEventArgs e) => exceptions.Enqueue(e.Exception.ToString());
        var output = new StringWriter();

        AppDomain.CurrentDomain.FirstChanceException += OnException;
        int exitCode;
        try
        {
            exitCode = await Journey.RunAsync(output, "canary", (journey, ct) => EmbeddedJourney.RunAsync(journey, hooks, ct));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= OnException;
        }

        Assert.True(exitCode == 0, output.ToString());
        Assert.NotNull(sandbox);
        var tokens = IssuedTokens(sandbox);
        string[] secrets =
        [
            sandbox.ApiKey, sandbox.Transmit.ClientSecret, DemoUsers.OtpCode,
            DemoUsers.Jane.Password, DemoUsers.Alan.Password, DemoUsers.Alan.NewPassword, DemoUsers.Grace.Password, .. tokens,
        ];
        var records = logs.GetSnapshot();
        var logText = new StringBuilder();
        foreach (var record in records)
        {
            logText.Append(record.Message).Append(record.Exception);
            foreach (var (key, value) in record.StructuredState ?? [])
            {
                logText.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        var sources = new Dictionary<string, string>
        {
            ["journey output"] = output.ToString(),
            ["logs"] = logText.ToString(),
            ["exceptions"] = string.Join('\n', exceptions),
            ["session snapshots"] = string.Join('\n', store.Saved.Select(s => s + JsonSerializer.Serialize(s))),
        };

        // Enough was looked at for the search to mean something.
        Assert.True(tokens.Count >= 5, $"only {tokens.Count} tokens were issued");
        Assert.True(records.Count >= 50, $"only {records.Count} log records");
        Assert.True(store.Saved.Count >= 5, $"only {store.Saved.Count} snapshots");
        Assert.Contains(records, r => r.Level == LogLevel.Trace || r.Level == LogLevel.Debug);

        var leaked = sources
            .SelectMany(source => secrets.Where(s => source.Value.Contains(s, StringComparison.Ordinal)).Select(s => $"{source.Key}: a secret of {s.Length} characters"))
            .ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} secrets found: {string.Join(", ", leaked)}");
    }

    /// <summary>Every token the SDK was handed by the emulator: each bearer it sent back, and each webhook's authToken.</summary>
    internal static List<string> IssuedTokens(WeavrSandbox sandbox)
    {
        var bearers = sandbox.RequestLog.Select(r => r.Header("authorization")).OfType<string>()
            .Where(h => h.StartsWith("Bearer ", StringComparison.Ordinal)).Select(h => h["Bearer ".Length..]);
        var webhookTokens = sandbox.WebhookDeliveries.SelectMany(d => AuthTokenPattern().Matches(d.Body).Select(m => m.Groups[1].Value));

        // The one-time token travels in the /access_token body, not in a header.
        var oneTimeTokens = sandbox.RequestLog.Where(r => r.Path == "/multi/access_token" && r.Body is not null)
            .SelectMany(r => OneTimeTokenPattern().Matches(r.Body!).Select(m => m.Groups[1].Value));
        return [.. bearers.Concat(webhookTokens).Concat(oneTimeTokens).Where(t => t.Length >= 8).Distinct()];
    }

    [GeneratedRegex("\"authToken\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex AuthTokenPattern();

    [GeneratedRegex("\"(?:token|clientAssertion)\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex OneTimeTokenPattern();
}
