using System.Net;
using AuthClient.Errors;

namespace AuthClient.Testing.Fakes.Internal;

/// <summary>What <see cref="WeavrErrors"/> and <see cref="TransmitErrors"/> share: the details of an answer, and the
/// failures without one, worded as the SDK's own mappers word them.</summary>
internal static class FakeFailures
{
    /// <summary>The <c>request-ref</c> a fake Weavr answer carries unless the test gives one: <c>req-</c> and the status.</summary>
    public static string DefaultRequestRef(HttpStatusCode status) => "req-" + (int)status;

    public static ApiErrorDetails Details(string api, FakeRoute route, HttpStatusCode status, string? errorCode, string? requestRef, params string[] messages) => new()
    {
        Api = api,
        Method = route.Method,
        Path = route.Path,
        StatusCode = status,
        ErrorCode = errorCode,
        ServerMessages = messages,
        RequestRef = requestRef,
    };

    public static AuthClientTransportException Transport(string api, FakeRoute route, bool outcomeUnknown, string? idempotencyRef)
    {
        var what = $"{api} {route.Method} {route.Path}";
        return outcomeUnknown
            ? new AuthClientTransportException(
                $"{what} failed without an answer (HttpRequestException); the server may have acted on it.",
                outcomeUnknown: true,
                idempotencyRef,
                new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely (fake)."))
            : new AuthClientTransportException(
                $"{what} could not connect (ConnectionError); nothing was sent.",
                outcomeUnknown: false,
                idempotencyRef,
                new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (fake)."));
    }

    public static AuthClientTimeoutException Timeout(string api, FakeRoute route, string? idempotencyRef) =>
        new($"{api} {route.Method} {route.Path} timed out.", idempotencyRef, new TimeoutException("The operation timed out (fake)."));
}
