namespace AuthClient.Errors;

/// <summary>The base of every exception AuthClient throws. Messages never contain secrets.</summary>
public class AuthClientException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="AuthClientException"/> class.</summary>
    public AuthClientException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AuthClientException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    public AuthClientException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AuthClientException"/> class.</summary>
    /// <param name="message">The message (never a secret).</param>
    /// <param name="innerException">The cause.</param>
    public AuthClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
