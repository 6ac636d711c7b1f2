namespace AuthClient.Errors;

/// <summary>One limit in force, from <c>x-ratelimit-limit</c> (e.g. <c>10;w=60</c>: 10 requests per 60 seconds).</summary>
/// <param name="Limit">The number of requests allowed.</param>
/// <param name="Window">The window the limit applies to.</param>
public sealed record RateLimitPolicy(int Limit, TimeSpan Window);
