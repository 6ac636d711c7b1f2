namespace AuthClient.Errors;

/// <summary>
/// The call got no HTTP answer: the connection failed, dropped, or timed out (after any retries that were safe).
/// When <see cref="OutcomeUnknown"/> is <see langword="true"/> the server may have acted on the request.
/// </summary>
public class AuthClientTransportException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientTransportException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="outcomeUnknown">Whether the request may have reached the server.</param>
    /// <param name="idempotencyRef">The idempotency-ref the call was sent with, if any.</param>
    /// <param name="innerException">The cause.</param>
    public AuthClientTransportException(string message, bool outcomeUnknown, string? idempotencyRef, Exception? innerException)
        : base(message, innerException)
    {
        OutcomeUnknown = outcomeUnknown;
        IdempotencyRef = idempotencyRef;
    }

    /// <summary>Gets a value indicating whether the request may have reached the server (replay it only with the same <see cref="IdempotencyRef"/>).</summary>
    public bool OutcomeUnknown { get; }

    /// <summary>Gets the <c>idempotency-ref</c> the call was sent with: replaying with it cannot duplicate the side effect.</summary>
    public string? IdempotencyRef { get; }
}
