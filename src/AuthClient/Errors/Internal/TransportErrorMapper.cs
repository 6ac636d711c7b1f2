using AuthClient.Http.Internal;
using AuthClient.Resilience.Internal;
using Polly.Timeout;

namespace AuthClient.Errors.Internal;

/// <summary>
/// Turns an exception thrown before any HTTP answer into a typed AuthClient exception. Nothing else may escape:
/// Refit's own exceptions carry the live request, Authorization header included.
/// </summary>
internal static class TransportErrorMapper
{
    public static Exception Map(string api, HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is AuthClientException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return exception; // Already typed, or the caller cancelled and should see their own cancellation.
        }

        var idempotencyRef = CorrelationHeaders.ReadIdempotencyRef(request);
        var what = $"{api} {request.Method.Method} {request.RequestUri?.AbsolutePath}";
        var sent = OutboundRequest.WasSent(request);
        return exception switch
        {
            TimeoutRejectedException or TimeoutException or OperationCanceledException when !sent =>
                new AuthClientTimeoutException($"{what} timed out before anything was sent.", outcomeUnknown: false, idempotencyRef, exception),
            TimeoutRejectedException or TimeoutException or OperationCanceledException =>
                new AuthClientTimeoutException($"{what} timed out.", idempotencyRef, exception),
            _ when !sent =>
                new AuthClientTransportException($"{what} failed before anything was sent ({exception.GetType().Name}).", outcomeUnknown: false, idempotencyRef, exception),
            HttpRequestException http when RetryClassifier.FailedBeforeSending(http) =>
                new AuthClientTransportException($"{what} could not connect ({http.HttpRequestError}); nothing was sent.", outcomeUnknown: false, idempotencyRef, exception),
            _ => new AuthClientTransportException($"{what} failed without an answer ({exception.GetType().Name}); the server may have acted on it.", outcomeUnknown: true, idempotencyRef, exception),
        };
    }
}
