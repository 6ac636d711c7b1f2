using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Webhooks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthClient.Benchmarks.Webhooks;

/// <summary>
/// One typical signed <c>/stepup/watch</c> delivery (a verified biometric step-up with its auth token): the HMAC check
/// plus the parse, and the whole receiver (checks, parse, replay guard, telemetry) with a guard that accepts every call.
/// Single-threaded, so deliveries per second per core is <c>1 / Mean</c> on an idle core; the raw row (a one-shot HMAC and
/// a <see cref="JsonDocument"/>, no checks) is the floor to compare with on a loaded machine.
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks // Not sealed: BenchmarkDotNet derives from benchmark classes.
{
    private const string SigningKey = "bench-api-key-0123456789abcdef";
    private const string CallRef = "5f2c1a7e-9b3d-4e8f-a6c2-1d0b9e8f7a6c";
    private static readonly DateTimeOffset PublishedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly byte[] SigningKeyUtf8 = Encoding.UTF8.GetBytes(SigningKey);

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
    [Benchmark]
    public bool VerifyAndParse() =>
        WeavrWebhookSigner.Verify(SigningKey, _headers.CallRef, _body, _headers.PublishedTimestamp, _headers.SignatureV2)
        && WeavrWebhookSerializer.Deserialize(WeavrWebhookKind.StepUp, CallRef, PublishedAt, _body) is StepUpEvent;

    /// <summary>The floor: one-shot HMAC over call-ref + body + timestamp, a constant-time compare, then the two fields a
    /// handler needs read from a <see cref="JsonDocument"/>.</summary>
    [Benchmark(Baseline = true)]
    public bool RawHmacAndJsonDocument()
    {
        var callRef = _headers.CallRef!;
        var timestamp = _headers.PublishedTimestamp!;
        var length = callRef.Length + _body.Length + timestamp.Length; // ASCII headers: one byte a character.
        var message = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(callRef, message);
            _body.CopyTo(message, written);
            Encoding.UTF8.GetBytes(timestamp, message.AsSpan(written + _body.Length));
            Span<byte> mac = stackalloc byte[32];
            Span<byte> received = stackalloc byte[48];
            HMACSHA256.HashData(SigningKeyUtf8, message.AsSpan(0, length), mac);
            if (!Convert.TryFromBase64String(_headers.SignatureV2!, received, out var decoded) || !CryptographicOperations.FixedTimeEquals(mac, received[..decoded]))
            {
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }

        using var document = JsonDocument.Parse(_body);
        var root = document.RootElement;
        return root.GetProperty("challengeId").GetString() is not null && root.GetProperty("status").GetString() == "VERIFIED";
    }

    /// <summary>The receiver end to end (what <c>MapWeavrWebhooks</c> calls per delivery).</summary>
    [Benchmark]
    public ValueTask<WebhookReceiveResult> Receive() => _receiver.ReceiveAsync(WeavrWebhookKind.StepUp, _headers, _body);
}
