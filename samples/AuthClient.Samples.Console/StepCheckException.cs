namespace AuthClient.Samples;

/// <summary>A step ran without an exception but did not reach the outcome the journey needs (e.g. a challenge was declined).</summary>
internal sealed class StepCheckException : Exception
{
    public StepCheckException()
    {
    }

    public StepCheckException(string message)
        : base(message)
    {
    }

    public StepCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StepCheckException(string message, string? errorCode, string? requestRef)
        : base(message)
    {
        ErrorCode = errorCode;
        RequestRef = requestRef;
    }

    /// <summary>Gets the error code Weavr answered, when there was one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the request-ref of the call that decided the outcome, when known.</summary>
    public string? RequestRef { get; }
}
