namespace AuthClient.Errors;

/// <summary>The call timed out (per attempt or in total) and was not, or no longer, retried.</summary>
public sealed class AuthClientTimeoutException : AuthClientTransportException
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientTimeoutException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="idempotencyRef">The idempotency-ref the call was sent with, if any.</param>
    /// <param name="innerException">The cause.</param>
    public AuthClientTimeoutException(string message, string? idempotencyRef, Exception? innerException)
        : base(message, outcomeUnknown: true, idempotencyRef, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AuthClientTimeoutException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="outcomeUnknown">Whether the request may have reached the server (<see langword="false"/> when the
    /// time ran out before anything was sent, e.g. while getting a token).</param>
    /// <param name="idempotencyRef">The idempotency-ref the call was sent with, if any.</param>
    /// <param name="innerException">The cause.</param>
    public AuthClientTimeoutException(string message, bool outcomeUnknown, string? idempotencyRef, Exception? innerException)
        : base(message, outcomeUnknown, idempotencyRef, innerException)
    {
    }
}
