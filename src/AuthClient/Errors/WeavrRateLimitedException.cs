namespace AuthClient.Errors;

/// <summary>Weavr answered 429 (after any automatic retries). <see cref="RateLimit"/> says when to try again.</summary>
public sealed class WeavrRateLimitedException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrRateLimitedException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    /// <param name="rateLimit">The parsed rate-limit headers.</param>
    public WeavrRateLimitedException(ApiErrorDetails details, RateLimitInfo rateLimit)
        : base(details)
    {
        ArgumentNullException.ThrowIfNull(rateLimit);
        RateLimit = rateLimit;
    }

    /// <summary>Gets the parsed rate-limit headers.</summary>
    public RateLimitInfo RateLimit { get; }
}
