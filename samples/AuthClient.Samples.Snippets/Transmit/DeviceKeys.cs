#region transmit-register
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace MyApp;

public sealed class DeviceKeys(ITransmitBiometricsClient transmit)
{
    // userAccessToken: the user's Transmit access token, e.g. tokens.AccessToken from AuthenticateAsync.
    public async Task RegisterAsync(Secret userAccessToken, string publicKey, string publicKeyId, CancellationToken ct)
    {
        await transmit.RegisterAsync(userAccessToken, new BiometricsRegisterRequest
        {
            PublicKey = publicKey,              // as the SDK returned them
            PublicKeyId = publicKeyId,
            EncryptionType = EncryptionType.Ec, // the SDK's keyType: ec | rsa
            Os = "iOS",
        }, ct);
    }

    public Task DeleteAsync(Secret userAccessToken, string publicKeyId, CancellationToken ct) =>
        transmit.DeleteAsync(userAccessToken, publicKeyId, ct);
}
#endregion
