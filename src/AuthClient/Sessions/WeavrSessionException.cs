using AuthClient.Errors;

namespace AuthClient.Sessions;

/// <summary>
/// A session refused an operation because of its state (expired, locked, logged out, not yet signed in...) or a
/// step-up failed. Unless the message says otherwise, nothing was sent to Weavr.
/// </summary>
public class WeavrSessionException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrSessionException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="state">The session's state when the operation was refused.</param>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="innerException">The server error that caused it, if any.</param>
    public WeavrSessionException(string userKey, WeavrSessionState state, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        UserKey = userKey;
        State = state;
    }

    /// <summary>Gets the application's key of the session's user.</summary>
    public string UserKey { get; }

    /// <summary>Gets the session's state when the operation was refused.</summary>
    public WeavrSessionState State { get; }
}
