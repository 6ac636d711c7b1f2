using AuthClient.Errors;
using AuthClient.Errors.Internal;

namespace AuthClient.Transmit.Internal;

/// <summary>The one place a failed Transmit response becomes a typed exception.</summary>
internal static class TransmitErrorMapper
{
    public static async Task<Exception> MapAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        using var error = await ErrorResponse.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var details = error.ToDetails("Transmit", error.GetString("error_code"), error.GetStrings("message"), requestRef: null);
        return new AuthClientApiException(details);
    }
}
