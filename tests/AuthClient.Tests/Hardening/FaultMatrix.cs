using System.Globalization;
using static AuthClient.Tests.Hardening.Expectation;
using static AuthClient.Tests.Hardening.Faults;

namespace AuthClient.Tests.Hardening;

/// <summary>
/// The faults every kind of call is put through, with the rule that decides each outcome. The client runs with 3
/// retries (4 attempts), no backoff delay, a 10 s attempt timeout and a 25 s total timeout, so a stalled idempotent
/// call gets 3 attempts (0 s, 10 s, 20 s) before the total timeout ends it at 25 s.
/// </summary>
internal static class FaultMatrix
{
    public const int MaxAttempts = 4;
    public const int StalledAttempts = 3;

    /// <summary>
    /// .NET's connection pool itself re-sends a request without content, up to 3 more times on fresh connections, when
    /// the server closes before any answer byte. That is why AuthClient gives every POST a (possibly empty) body; a GET
    /// is safe to repeat and keeps the runtime's behaviour (HTTP says a GET should carry no Content-Length).
    /// </summary>
    public const int RuntimeSendsPerBodilessGet = 4;

    public static IReadOnlyList<FaultCase> All { get; } =
    [
        new("200 as documented", (k, _, _) => Ok(k), _ => Success(1)),
        .. new[] { 301, 302, 303, 307, 308 }.Select(status => new FaultCase(
            $"{status} to another host",
            (k, _, trap) => Status(status, "", $"Location: {new Uri(trap, k.Path)}"),
            _ => Redirect())),
        new("302 with a relative Location", (_, _, _) => Status(302, "", "Location: /elsewhere"), _ => Redirect()),
        new("500 once, then 200", (k, n, _) => n == 1 ? Status(500, """{"message":"boom"}""") : Ok(k),
            k => k.Idempotent ? Success(2) : Api(500, 1)),
        new("502 on every attempt", (_, _, _) => Status(502), k => Api(502, k.Idempotent ? MaxAttempts : 1)),
        new("503 with Retry-After: 1 once, then 200", (k, n, _) => n == 1 ? Status(503, "", "Retry-After: 1") : Ok(k),
            k => k.Idempotent ? Success(2) : Api(503, 1)),
        new("504 on every attempt", (_, _, _) => Status(504), k => Api(504, k.Idempotent ? MaxAttempts : 1)),
        new("408 once, then 200", (k, n, _) => n == 1 ? Status(408) : Ok(k), k => k.Idempotent ? Success(2) : Api(408, 1)),
        new("429 Retry-After: 1 twice, then 200", (k, n, _) => n <= 2 ? Status(429, "", "Retry-After: 1") : Ok(k), _ => Success(3)),
        new("429 Retry-After as an HTTP date, then 200",
            (k, n, _) => n == 1 ? Status(429, "", "Retry-After: " + HardeningClock.Start.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture)) : Ok(k),
            _ => Success(2)),
        new("429 x-ratelimit-reset: 2, then 200", (k, n, _) => n == 1 ? Status(429, "", "x-ratelimit-reset: 2") : Ok(k), _ => Success(2)),
        new("429 unparseable Retry-After, then 200", (k, n, _) => n == 1 ? Status(429, "", "Retry-After: soon") : Ok(k), _ => Success(2)),
        new("429 Retry-After: 1 on every attempt", (_, _, _) => Status(429, "", "Retry-After: 1"), _ => Api(429, MaxAttempts)),
        new("429 Retry-After: 3600 (longer than MaxRetryAfter)", (_, _, _) => Status(429, "", "Retry-After: 3600"), _ => Api(429, 1)),
        new("429 Retry-After: 28 (within MaxRetryAfter, past the time left)", (_, _, _) => Status(429, "", "Retry-After: 28"), _ => Api(429, 1)),
        new("headers, then the body stalls", (_, _, _) => HeadersThenStall(200), k => Timeout(k.Idempotent ? StalledAttempts : 1)),
        new("error headers, then the body stalls", (_, _, _) => HeadersThenStall(500), k => Timeout(k.Idempotent ? StalledAttempts : 1)),
        new("request read, never answered", (_, _, _) => Stall(), k => Timeout(k.Idempotent ? StalledAttempts : 1)),
        new("request read, connection closed without an answer", (_, _, _) => CloseWithoutAnswer(reset: false),
            k => Transport(k == EndpointKind.WeavrGet ? MaxAttempts * RuntimeSendsPerBodilessGet : k.Idempotent ? MaxAttempts : 1)),
        new("request read, connection reset without an answer", (_, _, _) => CloseWithoutAnswer(reset: true), k => Transport(k.Idempotent ? MaxAttempts : 1)),
        new("reset part-way through the body", (_, _, _) => PartialBody(reset: true), k => Transport(k.Idempotent ? MaxAttempts : 1)),
        new("closed part-way through the body", (_, _, _) => PartialBody(reset: false), k => Transport(k.Idempotent ? MaxAttempts : 1)),
        new("reset part-way through a chunked body", (_, _, _) => PartialChunkedBody(), k => Transport(k.Idempotent ? MaxAttempts : 1)),
        new("reset part-way through the status line", (_, _, _) => Raw("HTTP/1.1 2", reset: true), k => Transport(k.Idempotent ? MaxAttempts : 1)),
        new("a status line that is not HTTP", (_, _, _) => Raw("HELLO WORLD\r\n\r\n"), k => Transport(k.Idempotent ? MaxAttempts : 1)),
        new("20 MB body with Content-Length", (_, _, _) => HugeBody(200, chunked: false), _ => Invalid()),
        new("20 MB chunked body", (_, _, _) => HugeBody(200, chunked: true), _ => Invalid()),
        new("20 MB error body", (_, _, _) => HugeBody(500, chunked: false), _ => Invalid()),
        new("256 KB response header", (_, _, _) => HugeHeader(), _ => Invalid()),
        new("a proxy's HTML page with 200", (_, _, _) => Status(200, "<html><body>Gateway</body></html>"), _ => Invalid()),
        new("truncated JSON with 200", (_, _, _) => Status(200, """{"token":"""), _ => Invalid()),
        new("a JSON string instead of an object", (_, _, _) => Status(200, "\"surprise\""), _ => Invalid()),
        new("a body delimited by the connection closing", (k, _, _) => CloseDelimitedBody(k), _ => Success(1)),
        new("100 Continue before the answer", (k, _, _) => ContinueThenOk(k), _ => Success(1)),
        new("the body trickled in pieces", (k, _, _) => TrickledBody(k), _ => Success(1)),
        new("400 with an error body", (_, _, _) => Status(400, """{"message":"request.email: must be a well-formed email address"}"""), _ => Api(400, 1)),
        new("400 echoing secrets in a nested body",
            (_, _, _) => Status(400, $$$"""{"message":"bad","details":{"password":{"value":"{{{EndpointKind.Password}}}"},"token":"{{{EndpointKind.Bearer.Reveal()}}}"}}"""),
            _ => Api(400, 1)),
        new("423 locked", (_, _, _) => Status(423), _ => Api(423, 1)),
        new("500 with an unreadable body", (_, _, _) => Status(500, "<html>oops</html>"), k => Api(500, k.Idempotent ? MaxAttempts : 1)),
        new("closed after the request on a reused keep-alive connection, then 200",
            (k, n, _) => n == 1 ? CloseWithoutAnswer(reset: false) : Ok(k),
            k => k.Idempotent ? Success(2) : Transport(1), WarmUp: true),
        new("reset after the request on a reused keep-alive connection, then 200",
            (k, n, _) => n == 1 ? CloseWithoutAnswer(reset: true) : Ok(k),
            k => k.Idempotent ? Success(2) : Transport(1), WarmUp: true),
        new("reset mid-body on a reused keep-alive connection, then 200",
            (k, n, _) => n == 1 ? PartialBody(reset: true) : Ok(k),
            k => k.Idempotent ? Success(2) : Transport(1), WarmUp: true),
    ];
}
