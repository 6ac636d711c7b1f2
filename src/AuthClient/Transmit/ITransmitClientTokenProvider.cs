namespace AuthClient.Transmit;

/// <summary>
/// Obtains Transmit client access tokens with the client-credentials grant and caches them until their expiry minus
/// <see cref="TransmitOptions.TokenRefreshMargin"/>. However many callers ask at once, at most one token request is in
/// flight; a failed request is never cached. The biometrics client uses it automatically.
/// </summary>
public interface ITransmitClientTokenProvider
{
    /// <summary>Returns the cached token, or requests a new one when there is none or it is about to expire.</summary>
    /// <param name="cancellationToken">Stops waiting (a request already in flight completes for the other callers).</param>
    /// <returns>A valid client token.</returns>
    /// <exception cref="Errors.AuthClientException">No client credentials are configured (nothing is sent), or the token request failed.</exception>
    ValueTask<TransmitClientToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the cached token and requests a new one (joining a request already in flight).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A fresh client token.</returns>
    ValueTask<TransmitClientToken> RenewTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the cached token, so the next call requests a new one.</summary>
    void Invalidate();
}
