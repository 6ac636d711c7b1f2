namespace AuthClient.Sessions;

/// <summary>Describes a transition of a session's state.</summary>
/// <param name="userKey">The application's key of the session's user.</param>
/// <param name="previousState">The state before.</param>
/// <param name="state">The state now.</param>
public sealed class WeavrSessionStateChangedEventArgs(string userKey, WeavrSessionState previousState, WeavrSessionState state) : EventArgs
{
    /// <summary>Gets the application's key of the session's user.</summary>
    public string UserKey { get; } = userKey;

    /// <summary>Gets the state before the transition.</summary>
    public WeavrSessionState PreviousState { get; } = previousState;

    /// <summary>Gets the state after the transition.</summary>
    public WeavrSessionState State { get; } = state;
}
