namespace AuthClient.Errors;

/// <summary>Weavr answered 5xx. Retried automatically only when the call was idempotent.</summary>
public sealed class WeavrServerException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrServerException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrServerException(ApiErrorDetails details)
        : base(details)
    {
    }
}
