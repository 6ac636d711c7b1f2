namespace AuthClient.Sessions;

/// <summary>
/// The session's token has expired: it was idle for longer than the idle timeout (nothing was sent), or Weavr answered
/// 401 (<see cref="Exception.InnerException"/> holds that answer). Sign in again.
/// </summary>
public sealed class WeavrSessionExpiredException : WeavrSessionException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrSessionExpiredException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="expiredAt">When the session expired.</param>
    /// <param name="innerException">The 401 answer, when the server reported the expiry.</param>
    public WeavrSessionExpiredException(string userKey, DateTimeOffset? expiredAt, Exception? innerException = null)
        : base(userKey, WeavrSessionState.Expired, Describe(expiredAt, innerException), innerException)
    {
        ExpiredAt = expiredAt;
    }

    /// <summary>Gets when the session expired, if known.</summary>
    public DateTimeOffset? ExpiredAt { get; }

    private static string Describe(DateTimeOffset? expiredAt, Exception? inner) => inner is null
        ? $"The Weavr session expired{(expiredAt is { } at ? $" at {at:O}" : string.Empty)} after inactivity; sign in again. Nothing was sent."
        : "Weavr refused the session's token (401): the session has expired; sign in again.";
}
