using AuthClient.Primitives;
using AuthClient.Transmit.Models;
using Refit;

namespace AuthClient.Transmit;

/// <summary>
/// The Transmit mobile-biometrics backend operations (under <c>/cis</c>), one method per endpoint, as a Refit
/// source-generated client. The handler pipeline adds the <c>Authorization</c> header (the client access token on
/// <c>start</c>/<c>authenticate</c>; the user access token passed per call on <c>register</c>/<c>delete</c>), retries
/// and typed errors. Most applications use <see cref="ITransmitBiometricsClient"/>, which validates input first; this
/// interface is the raw wire mirror.
/// </summary>
public interface ITransmitBiometricsApi
{
    /// <summary>The <see cref="HttpRequestMessage.Options"/> key the user access token travels under (never a header
    /// until the last handler, never logged).</summary>
    public const string UserAccessTokenOption = "AuthClient.Transmit.UserAccessToken";

    /// <summary><c>POST /v1/auth/mobile-biometrics/start</c> (client access token): creates a challenge to sign.</summary>
    /// <param name="request">Who is authenticating, and optional approval data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge.</returns>
    [Post("/v1/auth/mobile-biometrics/start")]
    Task<BiometricsStartResponse> StartAsync([Body] BiometricsStartRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/auth/mobile-biometrics/authenticate</c> (client access token): verifies the signed challenge.</summary>
    /// <param name="request">The signature, challenge, key id and user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's tokens.</returns>
    [Post("/v1/auth/mobile-biometrics/authenticate")]
    Task<BiometricsTokens> AuthenticateAsync([Body] BiometricsAuthenticateRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/auth/mobile-biometrics/register</c> (user access token): registers the device's public key for the token's user.</summary>
    /// <param name="request">The authenticator the device SDK created.</param>
    /// <param name="userAccessToken">The user's access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 2xx.</returns>
    [Post("/v1/auth/mobile-biometrics/register")]
    Task RegisterAsync(
        [Body] BiometricsRegisterRequest request,
        [Property(UserAccessTokenOption)] Secret userAccessToken,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE /v1/auth/mobile-biometrics/delete</c> (user access token, JSON body): deletes a key of the token's user.
    /// Unverified: in the original Transmit reference but not in the current public one.
    /// </summary>
    /// <param name="request">The key to delete.</param>
    /// <param name="userAccessToken">The user's access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes on 2xx (documented: 204).</returns>
    [Delete("/v1/auth/mobile-biometrics/delete")]
    Task DeleteAsync(
        [Body] BiometricsDeleteRequest request,
        [Property(UserAccessTokenOption)] Secret userAccessToken,
        CancellationToken cancellationToken = default);
}
