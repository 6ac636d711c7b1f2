using System.Net;
using System.Net.Sockets;
using AuthClient.Http.Internal;
using Polly.Timeout;

namespace AuthClient.Resilience.Internal;

/// <summary>Decides whether an attempt's outcome may be retried without risking a duplicated side effect.</summary>
internal static class RetryClassifier
{
    public static bool ShouldRetry(HttpRequestMessage? request, HttpResponseMessage? response, Exception? exception)
    {
        if (response is not null)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return true; // Rejected before processing: safe for any request.
            }

            var unknownOutcome = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
            return unknownOutcome && IsIdempotent(request);
        }

        return exception switch
        {
            null => false,
            HttpRequestException http when FailedBeforeSending(http) => true,
            HttpRequestException => IsIdempotent(request),
            TimeoutRejectedException => IsIdempotent(request),
            _ => false,
        };
    }

    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null &&
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ||
         CorrelationHeaders.ReadIdempotencyRef(request) is not null);

    public static bool FailedBeforeSending(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
}
