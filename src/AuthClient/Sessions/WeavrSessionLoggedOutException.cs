namespace AuthClient.Sessions;

/// <summary>The session was logged out; sign in again. Nothing was sent.</summary>
public sealed class WeavrSessionLoggedOutException : WeavrSessionException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrSessionLoggedOutException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    public WeavrSessionLoggedOutException(string userKey)
        : base(userKey, WeavrSessionState.LoggedOut, "The Weavr session was logged out; sign in again. Nothing was sent.")
    {
    }
}
