namespace AuthClient.Errors;

/// <summary>Weavr answered 423: the account is locked after consecutive failed logins. Try again after <see cref="LockDuration"/>.</summary>
public sealed class WeavrLockedException : WeavrApiException
{
    /// <summary>The documented lock duration: 30 minutes.</summary>
    public static readonly TimeSpan DocumentedLockDuration = TimeSpan.FromMinutes(30);

    /// <summary>Initializes a new instance of the <see cref="WeavrLockedException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrLockedException(ApiErrorDetails details)
        : base(details)
    {
    }

    /// <summary>Gets how long the lock lasts from the time of this answer (30 minutes, as documented).</summary>
    public TimeSpan LockDuration => DocumentedLockDuration;
}
