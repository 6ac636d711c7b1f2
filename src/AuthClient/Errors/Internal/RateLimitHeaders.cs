using System.Globalization;

namespace AuthClient.Errors.Internal;

/// <summary>Parses <c>Retry-After</c>, <c>x-ratelimit-limit</c> and <c>x-ratelimit-reset</c>; shared by the error mapper and the retry delay.</summary>
internal static class RateLimitHeaders
{
    public static RateLimitInfo Parse(HttpResponseMessage response, DateTimeOffset now)
    {
        var raw = First(response, "x-ratelimit-limit");
        var (exceeded, policies) = ParseLimit(raw);
        return new RateLimitInfo
        {
            RawLimit = raw,
            ExceededLimit = exceeded,
            Policies = policies,
            Reset = ParseReset(response),
            RetryAfter = ParseRetryAfter(response, now),
        };
    }

    /// <summary>The wait the server asked for (<see cref="RateLimitInfo.SuggestedDelay"/>), without parsing the limits.</summary>
    public static TimeSpan? SuggestedDelay(HttpResponseMessage response, DateTimeOffset now) =>
        ParseRetryAfter(response, now) ?? ParseReset(response);

    private static TimeSpan? ParseReset(HttpResponseMessage response) =>
        int.TryParse(First(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public static TimeSpan? ParseRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static (int? Exceeded, IReadOnlyList<RateLimitPolicy> Policies) ParseLimit(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, []);
        }

        int? exceeded = null;
        var policies = new List<RateLimitPolicy>();
        foreach (var part in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (!int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                continue;
            }

            var window = pieces.Skip(1).FirstOrDefault(p => p.StartsWith("w=", StringComparison.Ordinal));
            if (window is not null && int.TryParse(window.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var windowSeconds))
            {
                policies.Add(new RateLimitPolicy(limit, TimeSpan.FromSeconds(windowSeconds)));
            }
            else
            {
                exceeded ??= limit;
            }
        }

        return (exceeded, policies);
    }

    private static string? First(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
