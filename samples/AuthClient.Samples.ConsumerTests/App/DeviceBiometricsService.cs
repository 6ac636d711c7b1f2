using System.Net;
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>
/// Application code under test: the backend half of Transmit mobile biometrics: register the app's device key, create
/// a challenge, and check the signature the app sends back. It depends only on <see cref="ITransmitBiometricsClient"/>.
/// </summary>
/// <param name="transmit">The SDK client.</param>
public sealed class DeviceBiometricsService(ITransmitBiometricsClient transmit)
{
    /// <summary>Registers the device key the mobile SDK created, for the user the token belongs to.</summary>
    /// <param name="userAccessToken">The user's Transmit access token.</param>
    /// <param name="publicKey">The public key (PEM) from the mobile SDK.</param>
    /// <param name="publicKeyId">Its id.</param>
    /// <param name="keyType">Its type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Transmit accepted the key.</returns>
    public Task RegisterDeviceAsync(Secret userAccessToken, string publicKey, string publicKeyId, EncryptionType keyType, CancellationToken cancellationToken = default) =>
        transmit.RegisterAsync(
            userAccessToken,
            new BiometricsRegisterRequest { PublicKey = publicKey, PublicKeyId = publicKeyId, EncryptionType = keyType, Os = "iOS" },
            cancellationToken);

    /// <summary>Creates the challenge the app signs behind the biometric prompt.</summary>
    /// <param name="userId">The Transmit user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge.</returns>
    public async Task<string> BeginAsync(string userId, CancellationToken cancellationToken = default) =>
        (await transmit.StartAsync(BiometricsStartRequest.ForUser(userId), cancellationToken)).Challenge;

    /// <summary>Forwards the app's signature to Transmit; a 400 (bad signature, unknown key, stale challenge) is a rejection.</summary>
    /// <param name="userId">The Transmit user id.</param>
    /// <param name="challenge">The challenge from <see cref="BeginAsync"/>.</param>
    /// <param name="publicKeyId">The key the app signed with.</param>
    /// <param name="signature">The Base64 signature from the app.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    public async Task<BiometricSignInResult> CompleteAsync(string userId, string challenge, string publicKeyId, string signature, CancellationToken cancellationToken = default)
    {
        try
        {
            var tokens = await transmit.AuthenticateAsync(
                new BiometricsAuthenticateRequest { UserId = userId, Challenge = challenge, KeyId = publicKeyId, Signature = signature },
                cancellationToken);
            return new BiometricSignInResult(true, tokens.AccessToken, null);
        }
        catch (TransmitApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            return new BiometricSignInResult(false, null, e.TsErrorCode);
        }
    }
}
