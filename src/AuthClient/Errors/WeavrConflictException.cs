namespace AuthClient.Errors;

/// <summary>Weavr answered 409 with an endpoint-specific <c>errorCode</c> (see <see cref="WeavrErrorCodes"/>).</summary>
public class WeavrConflictException : WeavrApiException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrConflictException"/> class.</summary>
    /// <param name="details">What the server answered.</param>
    public WeavrConflictException(ApiErrorDetails details)
        : base(details)
    {
    }
}
