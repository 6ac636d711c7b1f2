using AuthClient.Primitives;
using AuthClient.Transmit.Models;

namespace AuthClient.Transmit;

/// <summary>
/// Transmit Security mobile biometrics, from the backend: <see cref="StartAsync"/> → the app signs the challenge with the
/// Transmit SDK → <see cref="AuthenticateAsync"/>; <see cref="RegisterAsync"/> / <see cref="DeleteAsync"/> manage the
/// user's device keys with the user's own access token. Input is validated before anything is sent
/// (<see cref="ArgumentException"/>); server errors throw <see cref="TransmitApiException"/>. Mock this interface in
/// your tests.
/// </summary>
public interface ITransmitBiometricsClient
{
    /// <summary>
    /// Creates a challenge for the user to sign (<c>POST /v1/auth/mobile-biometrics/start</c>), with the client access
    /// token (requested and cached automatically).
    /// </summary>
    /// <param name="request">The user (<see cref="BiometricsStartRequest.ForUser"/> or <see cref="BiometricsStartRequest.ForIdentifier"/>) and optional approval data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge.</returns>
    Task<BiometricsStartResponse> StartAsync(BiometricsStartRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes authentication with the signed challenge (<c>POST /v1/auth/mobile-biometrics/authenticate</c>), with
    /// the client access token. A 401 renews that token once and resends once.
    /// </summary>
    /// <param name="request">The signature, challenge and key id from the SDK, and the user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's tokens (validate the JWTs before trusting their claims).</returns>
    Task<BiometricsTokens> AuthenticateAsync(BiometricsAuthenticateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers the device's public key for the user the token belongs to (<c>POST /v1/auth/mobile-biometrics/register</c>).
    /// </summary>
    /// <param name="userAccessToken">The user's access token (e.g. <see cref="BiometricsTokens.AccessToken"/> or one from another Transmit login). Never logged.</param>
    /// <param name="request">The authenticator the device SDK created.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Transmit accepted the key.</returns>
    Task RegisterAsync(Secret userAccessToken, BiometricsRegisterRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes one of the user's device keys (<c>DELETE /v1/auth/mobile-biometrics/delete</c>, JSON body).
    /// </summary>
    /// <remarks>
    /// Unverified: this endpoint is in Transmit's original mobile-biometrics reference but not in its current public
    /// one, which removes authenticators through the User Authenticators API. A 404 (key or endpoint not found) or 405
    /// (endpoint not served) throws a <see cref="TransmitApiException"/> whose message says so.
    /// </remarks>
    /// <param name="userAccessToken">The user's access token. Never logged.</param>
    /// <param name="publicKeyId">The id of the key to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is deleted (documented: 204).</returns>
    Task DeleteAsync(Secret userAccessToken, string publicKeyId, CancellationToken cancellationToken = default);
}
