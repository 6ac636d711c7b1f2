#region transmit-errors
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace MyApp;

public sealed class DeviceRegistration(ITransmitBiometricsClient transmit)
{
    public async Task<string> RegisterAsync(Secret token, BiometricsRegisterRequest request, CancellationToken ct)
    {
        try
        {
            await transmit.RegisterAsync(token, request, ct);
            return "registered";
        }
        catch (TransmitApiException e) when (e.TsErrorCode == TransmitErrorCodes.MaxAuthenticatorsExceeded)
        {
            return "too many devices: remove one first";
        }
        catch (TransmitApiException e)
        {
            // e.StatusCode, e.ErrorCode ("invalid_request", or a number as text), e.TsErrorCode,
            // e.Messages (message as a string or an array), e.RequestRef, e.Details.ResponseBody
            return $"refused ({e.StatusCode}), request-ref {e.RequestRef}";
        }
    }
}
#endregion
