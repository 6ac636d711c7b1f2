using AuthClient.Http.Internal;

namespace AuthClient.Errors.Internal;

/// <summary>
/// Turns a success answer whose body could not be deserialized into <see cref="AuthClientInvalidResponseException"/>.
/// Refit's own exception for this case carries the live request (Authorization header included) and the body (which may
/// hold a token), so it must never escape.
/// </summary>
internal static class InvalidResponseMapper
{
    public static Exception Map(string api, HttpResponseMessage response, Exception exception)
    {
        var request = response.RequestMessage;
        var requestRef = CorrelationHeaders.ReadRequestRef(response);
        var idempotencyRef = CorrelationHeaders.ReadIdempotencyRef(request);
        var what = $"{api} {request?.Method.Method ?? "?"} {request?.RequestUri?.AbsolutePath ?? "?"}";
        var text = $"{what} answered {(int)response.StatusCode} {response.StatusCode} with a body that is not the documented JSON ({exception.GetType().Name})";
        if (requestRef is not null)
        {
            text += $" [request-ref {requestRef}]";
        }

        return new AuthClientInvalidResponseException(text + ".", response.StatusCode, requestRef, idempotencyRef, exception);
    }
}
