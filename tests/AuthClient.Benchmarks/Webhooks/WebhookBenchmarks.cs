using System.Text;
using AuthClient.Primitives;
using AuthClient.Webhooks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthClient.Benchmarks.Webhooks;

/// <summary>
/// One typical signed <c>/stepup/watch</c> delivery (a verified biometric step-up with its auth token): the HMAC check
/// plus the parse, and the whole receiver (checks, parse, replay guard, telemetry) with a guard that accepts every call.
/// Single-threaded, so deliveries per second per core is <c>1 / Mean</c>.
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    private const string SigningKey = "bench-api-key-0123456789abcdef";
    private const string CallRef = "5f2c1a7e-9b3d-4e8f-a6c2-1d0b9e8f7a6c";
    private static readonly DateTimeOffset PublishedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private byte[] _body = null!;
    private WeavrWebhookHeaders _headers = null!;
    private WeavrWebhookReceiver _receiver = null!;

    /// <summary>Serializes and signs the delivery once, as Weavr would send it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _body = WeavrWebhookSerializer.SerializeToUtf8Bytes(new StepUpEvent
        {
            CallRef = CallRef,
            PublishedAt = PublishedAt,
            ChallengeId = "178654431229542400",
            Type = "BIOMETRIC",
            Status = WebhookChallengeStatus.Verified,
            Credential = new AuthClient.Weavr.Models.CredentialId(AuthClient.Weavr.Models.CredentialType.Root, "178654431229542401"),
            Identity = new WebhookIdentity("CONSUMER", "178654431229542402"),
            AuthToken = new Secret("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxNzg2NTQ0MzEyMjk1NDI0MDEifQ.c2lnbmF0dXJl"),
        });
        _headers = WeavrWebhookSigner.CreateHeaders(SigningKey, CallRef, _body, PublishedAt);
        _receiver = new WeavrWebhookReceiver(
            Options.Create(new WeavrWebhookOptions { SigningKey = new Secret(SigningKey) }),
            new AcceptEveryDeliveryGuard(),
            [],
            new FixedTimeProvider(PublishedAt),
            NullLogger<WeavrWebhookReceiver>.Instance);
        if (!VerifyAndParse() || Receive().Result.Outcome != WebhookReceiveOutcome.Accepted)
        {
            throw new InvalidOperationException("The benchmark delivery is not accepted: " + Encoding.UTF8.GetString(_body));
        }
    }

    /// <summary>The <c>signature-v2</c> check over the raw bytes, then the parse into a <see cref="StepUpEvent"/>.</summary>
    [Benchmark(Baseline = true)]
    public bool VerifyAndParse() =>
        WeavrWebhookSigner.Verify(SigningKey, _headers.CallRef, _body, _headers.PublishedTimestamp, _headers.SignatureV2)
        && WeavrWebhookSerializer.Deserialize(WeavrWebhookKind.StepUp, CallRef, PublishedAt, _body) is StepUpEvent;

    /// <summary>The receiver end to end (what <c>MapWeavrWebhooks</c> calls per delivery).</summary>
    [Benchmark]
    public ValueTask<WebhookReceiveResult> Receive() => _receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _headers, _body);
}
