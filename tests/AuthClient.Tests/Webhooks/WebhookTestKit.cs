using System.Security.Cryptography;
using System.Text;
using AuthClient.DependencyInjection;
using AuthClient.Tests.Support;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Tests.Webhooks;

/// <summary>A receiver wired through the real DI registration, with a fake clock, fake logs and recording sinks.</summary>
internal sealed class WebhookTestKit : IDisposable
{
    public const string ApiKey = "test-api-key-SECRET-4f9b";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly AuthClientTestHost _host;

    public WebhookTestKit(Action<WeavrWebhookOptions>? configure = null, Action<IServiceCollection>? services = null, int sinkCount = 1)
    {
        _host = new AuthClientTestHost(
            apiKey: ApiKey,
            time: Time,
            captureLogs: true,
            services: collection =>
            {
                for (var i = 0; i < sinkCount; i++)
                {
                    var sink = new RecordingSink();
                    Sinks.Add(sink);
                    collection.AddSingleton<IWeavrWebhookEventSink>(sink);
                }

                services?.Invoke(collection);
            },
            build: b => b.AddWebhooks(configure));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeLogCollector Logs => _host.Logs;

    public List<RecordingSink> Sinks { get; } = [];

    public RecordingSink Sink => Sinks[0];

    public IServiceProvider Services => _host.Provider;

    public WeavrWebhookReceiver Receiver => _host.Provider.GetRequiredService<WeavrWebhookReceiver>();

    public static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>signature-v2 computed here, independently of the SDK: Base64(HMACSHA256(key, callRef + body + timestamp)).</summary>
    public static string IndependentSignature(string key, string? callRef, byte[] body, string timestamp)
    {
        var message = Encoding.UTF8.GetBytes(callRef ?? string.Empty).Concat(body).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        return Convert.ToBase64String(hmac.ComputeHash(message));
    }

    public static WeavrWebhookHeaders SignedHeaders(string? callRef, byte[] body, string timestamp, string key = ApiKey) =>
        new() { CallRef = callRef, PublishedTimestamp = timestamp, SignatureV2 = IndependentSignature(key, callRef, body, timestamp) };

    public WeavrWebhookHeaders SignedNow(string? callRef, byte[] body) => SignedHeaders(callRef, body, Ms(Time.GetUtcNow()));

    public string AllLogText() => string.Join("\n", Logs.GetSnapshot().Select(r => $"{r.Level} {r.Message} {r.Exception}"));

    public void Dispose() => _host.Dispose();
}
