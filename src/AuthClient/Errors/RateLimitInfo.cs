namespace AuthClient.Errors;

/// <summary>The rate-limit headers of a 429 answer.</summary>
public sealed record RateLimitInfo
{
    /// <summary>Gets the raw <c>x-ratelimit-limit</c> header, e.g. <c>20, 10;w=60, 20;w=3600</c>.</summary>
    public string? RawLimit { get; init; }

    /// <summary>Gets the limit that was exceeded (the first number of <c>x-ratelimit-limit</c>).</summary>
    public int? ExceededLimit { get; init; }

    /// <summary>Gets the limits in force: the request count and its window.</summary>
    public IReadOnlyList<RateLimitPolicy> Policies { get; init; } = [];

    /// <summary>Gets the time until the limit resets (<c>x-ratelimit-reset</c>, seconds).</summary>
    public TimeSpan? Reset { get; init; }

    /// <summary>Gets the <c>Retry-After</c> delay, if the server sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the delay to wait before retrying: <see cref="RetryAfter"/>, else <see cref="Reset"/>.</summary>
    public TimeSpan? SuggestedDelay => RetryAfter ?? Reset;
}
