using System.Net;

namespace AuthClient.Errors;

/// <summary>
/// <c>POST /passwords/update</c> (or <c>/passwords/lost_password/resume</c>) answered with a success status, so <b>the password has changed</b>, but the answer
/// carried no usable token to continue the sign-in with (the spec leaves <c>token</c> optional, or the body could not be
/// read). This is not a failed change: do not repeat it (the old password no longer works). Sign in again with the new
/// password. Neither the message nor any property holds the body or a password.
/// </summary>
public sealed class WeavrPasswordChangedException : AuthClientException
{
    /// <summary>Initializes a new instance of the <see cref="WeavrPasswordChangedException"/> class.</summary>
    /// <param name="statusCode">The success status Weavr answered.</param>
    /// <param name="requestRef">The server's <c>request-ref</c>, if any.</param>
    /// <param name="innerException">Why the answer could not be used (e.g. an unreadable body), if known.</param>
    public WeavrPasswordChangedException(HttpStatusCode statusCode, string? requestRef, Exception? innerException = null)
        : this("/passwords/update", statusCode, requestRef, innerException)
    {
    }

    internal WeavrPasswordChangedException(string path, HttpStatusCode statusCode, string? requestRef, Exception? innerException)
        : base(Describe(path, statusCode, requestRef), innerException)
    {
        StatusCode = statusCode;
        RequestRef = requestRef;
    }

    /// <summary>Gets the success status Weavr answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the server's <c>request-ref</c>: quote it to Weavr's support.</summary>
    public string? RequestRef { get; }

    private static string Describe(string path, HttpStatusCode statusCode, string? requestRef) =>
        $"The password was changed (Weavr POST {path} answered {(int)statusCode} {statusCode}), but the answer " +
        "carried no token to continue with. Do not repeat the change: sign in again with the new password." +
        (requestRef is null ? string.Empty : $" [request-ref {requestRef}]");
}
