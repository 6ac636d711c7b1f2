namespace AuthClient.Sessions;

/// <summary>
/// The operation is not valid in the session's current state (e.g. a step-up before an ACCESS token, or a secured
/// call before signing in). <see cref="Operation"/> names it and <see cref="RequiredStates"/> lists where it is valid.
/// Nothing was sent.
/// </summary>
public sealed class WeavrSessionStateException : WeavrSessionException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrSessionStateException"/> class.</summary>
    /// <param name="userKey">The application's key of the session's user.</param>
    /// <param name="state">The session's state.</param>
    /// <param name="operation">The refused operation.</param>
    /// <param name="requiredStates">The states in which the operation is valid.</param>
    public WeavrSessionStateException(string userKey, WeavrSessionState state, string operation, IReadOnlyList<WeavrSessionState> requiredStates)
        : base(userKey, state, Describe(state, operation, requiredStates))
    {
        Operation = operation;
        RequiredStates = requiredStates;
    }

    /// <summary>Gets the refused operation.</summary>
    public string Operation { get; }

    /// <summary>Gets the states in which the operation is valid.</summary>
    public IReadOnlyList<WeavrSessionState> RequiredStates { get; }

    private static string Describe(WeavrSessionState state, string operation, IReadOnlyList<WeavrSessionState> required) =>
        $"{operation} is not valid in session state {state}; it needs {string.Join(" or ", required)}. Nothing was sent.";
}
