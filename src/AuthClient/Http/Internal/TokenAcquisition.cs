using AuthClient.Errors;

namespace AuthClient.Http.Internal;

/// <summary>
/// Types a failure to get the token a call needs. The call itself was not sent, so whatever the token request's own
/// outcome, the caller is told "nothing was sent" and may simply try again.
/// </summary>
internal static class TokenAcquisition
{
    public static AuthClientTransportException NothingSent(string api, HttpRequestMessage request, AuthClientTransportException tokenFailure) =>
        tokenFailure is AuthClientTimeoutException
            ? new AuthClientTimeoutException(
                $"{api} {request.Method.Method} {request.RequestUri?.AbsolutePath} timed out getting its access token; nothing was sent.",
                outcomeUnknown: false, idempotencyRef: null, tokenFailure)
            : new AuthClientTransportException(
                $"{api} {request.Method.Method} {request.RequestUri?.AbsolutePath} could not get its access token; nothing was sent.",
                outcomeUnknown: false, idempotencyRef: null, tokenFailure);
}
