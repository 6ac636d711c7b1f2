namespace AuthClient.Sessions;

/// <summary>
/// The account is locked after consecutive failed attempts (Weavr answered 423). Calls before
/// <see cref="LockedUntil"/> fail with this exception and send nothing.
/// </summary>
public sealed class WeavrSessionLockedException : WeavrSessionException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrSessionLockedException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="lockedUntil">When the lock ends.</param>
    /// <param name="innerException">The 423 answer, when this exception reports it.</param>
    public WeavrSessionLockedException(string userKey, DateTimeOffset lockedUntil, Exception? innerException = null)
        : base(userKey, WeavrSessionState.Locked, Describe(lockedUntil, innerException), innerException)
    {
        LockedUntil = lockedUntil;
    }

    /// <summary>Gets when the lock ends and signing in may be tried again.</summary>
    public DateTimeOffset LockedUntil { get; }

    private static string Describe(DateTimeOffset until, Exception? inner) => inner is null
        ? $"The Weavr account is locked until {until:O}. Nothing was sent."
        : $"Weavr locked the account after failed attempts (423); try again after {until:O}.";
}
