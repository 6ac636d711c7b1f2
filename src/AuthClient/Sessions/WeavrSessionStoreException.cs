using AuthClient.Errors;

namespace AuthClient.Sessions;

/// <summary>
/// The session store could not be read or written (e.g. Redis is unreachable), or the stored session kept changing
/// while this instance wrote it. Nothing was sent to Weavr for the operation; the session's stored state is unchanged.
/// </summary>
public sealed class WeavrSessionStoreException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrSessionStoreException"/> class for a store failure.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="innerException">What the store threw.</param>
    public WeavrSessionStoreException(string userKey, Exception innerException)
        : base($"The session store failed for the Weavr session '{userKey}': {innerException?.GetType().Name}.", innerException)
    {
        UserKey = userKey;
    }

    /// <summary>Initializes a new instance of the <see cref="WeavrSessionStoreException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="message">The message (never a secret).</param>
    public WeavrSessionStoreException(string userKey, string message)
        : base(message)
    {
        UserKey = userKey;
    }

    /// <summary>Gets the application's key of the session's user.</summary>
    public string UserKey { get; }
}
