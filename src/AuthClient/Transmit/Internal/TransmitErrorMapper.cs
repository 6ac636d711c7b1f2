using System.Net;
using AuthClient.Errors.Internal;
using AuthClient.Http.Internal;

namespace AuthClient.Transmit.Internal;

/// <summary>
/// The one place a failed Transmit response becomes a <see cref="TransmitApiException"/>. Reads the three documented
/// body shapes leniently (<c>error_code</c> string or number, <c>message</c> string or array, optional
/// <c>ts_error_code</c>), plus the OAuth <c>error</c>/<c>error_description</c> pair a token endpoint may use.
/// </summary>
internal static class TransmitErrorMapper
{
    private const string Api = "Transmit";
    private const string DeletePath = "/v1/auth/mobile-biometrics/delete";
    private static readonly string[] RequestRefHeaders = [CorrelationHeaders.RequestRef, "x-request-id"];

    public static async Task<Exception> MapAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        using var error = await ErrorResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var errorCode = error.GetString("error_code") ?? error.GetString("error");
        var messages = error.GetStrings("message");
        if (messages.Count == 0)
        {
            messages = error.GetStrings("error_description");
        }

        var details = error.ToDetails(Api, errorCode, messages, RequestRef(response));
        return new TransmitApiException(details, error.GetString("ts_error_code"), Hint(response, details.Path));
    }

    private static string? Hint(HttpResponseMessage response, string path)
    {
        var isDelete = response.RequestMessage?.Method == HttpMethod.Delete && path.EndsWith(DeletePath, StringComparison.Ordinal);
        return (isDelete, response.StatusCode) switch
        {
            (true, HttpStatusCode.NotFound) =>
                "The key was not found for this user, or this Transmit tenant no longer serves the delete endpoint (it is absent from Transmit's current public reference; Transmit now removes authenticators through its User Authenticators API).",
            (true, HttpStatusCode.MethodNotAllowed) =>
                "This Transmit tenant does not serve the delete endpoint (it is absent from Transmit's current public reference); remove the authenticator through Transmit's User Authenticators API instead.",
            (_, HttpStatusCode.Unauthorized) when path.EndsWith(TransmitEndpoints.TokenPath, StringComparison.Ordinal) =>
                "Check Transmit:ClientId and Transmit:ClientSecret.",
            _ => null,
        };
    }

    // Transmit does not document a correlation header; these are the common ones when a gateway adds them.
    private static string? RequestRef(HttpResponseMessage response) =>
        RequestRefHeaders.Select(name => CorrelationHeaders.First(response.Headers, name)).FirstOrDefault(value => value is not null);
}
