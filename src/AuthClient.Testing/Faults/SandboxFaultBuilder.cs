using AuthClient.Testing.Internal;

namespace AuthClient.Testing.Faults;

/// <summary>Describes a fault: optionally which requests (<see cref="OnPath"/>, <see cref="OnMethod"/>), then what happens.</summary>
public sealed class SandboxFaultBuilder
{
    private readonly SandboxFaults _faults;
    private readonly int _count;
    private string? _path;
    private string? _method;

    internal SandboxFaultBuilder(SandboxFaults faults, int count)
    {
        _faults = faults;
        _count = count;
    }

    /// <summary>Scopes the fault to requests whose path equals or ends with <paramref name="path"/>, e.g. <c>/login_with_password</c>.</summary>
    /// <param name="path">The path or path suffix (case-sensitive).</param>
    /// <returns>This builder.</returns>
    public SandboxFaultBuilder OnPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        return this;
    }

    /// <summary>Scopes the fault to one HTTP method.</summary>
    /// <param name="method">The method, e.g. <c>POST</c>.</param>
    /// <returns>This builder.</returns>
    public SandboxFaultBuilder OnMethod(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        _method = method;
        return this;
    }

    /// <summary>Answers with <paramref name="statusCode"/> (and a <c>request-ref</c>) instead of emulating the call.</summary>
    /// <param name="statusCode">The status, e.g. 503.</param>
    /// <param name="jsonBody">An optional JSON body.</param>
    /// <returns>The fault queue, to add more.</returns>
    public SandboxFaults RespondWith(int statusCode, string? jsonBody = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return Add(Rule(FaultKind.Status, statusCode: statusCode, body: jsonBody));
    }

    /// <summary>Answers 429 with no body and the rate-limit headers: <c>x-ratelimit-limit</c>, <c>x-ratelimit-reset</c>
    /// (whole seconds, rounded up) and <c>Retry-After</c> (the same seconds).</summary>
    /// <param name="retryAfter">When the client may retry.</param>
    /// <param name="limit">The <c>x-ratelimit-limit</c> value; the first number is the limit that was exceeded.</param>
    /// <returns>The fault queue, to add more.</returns>
    public SandboxFaults RateLimit(TimeSpan retryAfter, string limit = "20, 20;w=60, 200;w=86400")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(limit);
        return Add(Rule(FaultKind.RateLimit, statusCode: 429, duration: retryAfter, rateLimitHeader: limit));
    }

    /// <summary>Holds the request for <paramref name="delay"/> of sandbox time (the configured <see cref="TimeProvider"/>:
    /// with a fake clock the answer comes when the test advances it, after <see cref="SandboxFaults.WaitForHeldRequestAsync"/>),
    /// then emulates it normally.</summary>
    /// <param name="delay">How long to hold the request.</param>
    /// <returns>The fault queue, to add more.</returns>
    public SandboxFaults Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return Add(Rule(FaultKind.Delay, duration: delay));
    }

    /// <summary>Aborts the connection without answering (the client sees a transport error); the call is not emulated.</summary>
    /// <returns>The fault queue, to add more.</returns>
    public SandboxFaults DropConnection() =>
        Add(Rule(FaultKind.Drop));

    /// <summary>Emulates the call (its effects happen), then aborts the connection instead of answering: the client cannot
    /// know the outcome. Use it to test replays with the same <c>idempotency-ref</c>.</summary>
    /// <returns>The fault queue, to add more.</returns>
    public SandboxFaults DropResponse() =>
        Add(Rule(FaultKind.DropAfterProcessing));

    /// <summary>Creates a rule scoped by this builder (path, method, count), so each fault states only what it does.</summary>
    private FaultRule Rule(FaultKind kind, int statusCode = 0, string? body = null, TimeSpan duration = default, string? rateLimitHeader = null) =>
        new()
        {
            Kind = kind,
            StatusCode = statusCode,
            Body = body,
            Duration = duration,
            RateLimitHeader = rateLimitHeader,
            Path = _path,
            Method = _method,
            Remaining = _count,
        };

    private SandboxFaults Add(FaultRule rule)
    {
        _faults.Add(rule);
        return _faults;
    }
}
