namespace AuthClient.Resilience;

/// <summary>
/// Retry and timeout settings. The rule they never bend: a request whose outcome is unknown (timeout, connection lost
/// after sending, 5xx) is retried only when idempotent (GET, or it carries an <c>idempotency-ref</c>); 429 and
/// connections refused before sending are retried for any request; other 4xx never.
/// </summary>
public sealed class AuthClientResilienceOptions
{
    /// <summary>Gets or sets the number of retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = ResilienceDefaults.MaxRetryAttempts;

    /// <summary>Gets or sets the first backoff delay; it doubles each retry, with jitter. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = ResilienceDefaults.BaseDelay;

    /// <summary>Gets or sets the longest backoff delay. Default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = ResilienceDefaults.MaxDelay;

    /// <summary>Gets or sets a value indicating whether backoff delays are jittered. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Gets or sets the longest <c>Retry-After</c> / <c>x-ratelimit-reset</c> the client waits; a longer one ends
    /// retrying and surfaces the 429. Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = ResilienceDefaults.MaxRetryAfter;

    /// <summary>Gets or sets the timeout of one attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = ResilienceDefaults.AttemptTimeout;

    /// <summary>Gets or sets the timeout of the whole call, retries and delays included. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = ResilienceDefaults.TotalTimeout;

    /// <summary>Gets or sets the largest response body, success or error, the client reads (it is read inside the
    /// attempt timeout); a larger one ends the call with <see cref="Errors.AuthClientInvalidResponseException"/>, not
    /// retried. Default 1 MiB.</summary>
    public int MaxResponseBytes { get; set; } = ResilienceDefaults.MaxResponseBytes;
}
