namespace AuthClient.Resilience;

/// <summary>The default resilience settings, in one place.</summary>
public static class ResilienceDefaults
{
    /// <summary>Retries after the first attempt: 3.</summary>
    public const int MaxRetryAttempts = 3;

    /// <summary>First backoff delay: 200 ms.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest backoff delay: 10 s.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Longest server-requested wait honoured: 30 s.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Per-attempt timeout: 10 s.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Whole-call timeout: 60 s.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Largest response body read: 1 MiB (Weavr's and Transmit's answers are a few KB).</summary>
    public const int MaxResponseBytes = 1024 * 1024;
}
