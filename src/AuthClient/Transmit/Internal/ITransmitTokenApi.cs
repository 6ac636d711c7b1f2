using Refit;

namespace AuthClient.Transmit.Internal;

/// <summary>The Transmit token endpoint, at the host root (not under <c>/cis</c>).</summary>
internal interface ITransmitTokenApi
{
    /// <summary><c>POST /oidc/token</c> with a form-encoded client-credentials body.</summary>
    /// <param name="form">The form (built by the token provider: an <see cref="HttpContent"/> is sent as is, so no reflection is involved).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token response.</returns>
    [Post(TransmitEndpoints.TokenPath)]
    Task<TransmitTokenResponse> RequestTokenAsync([Body] HttpContent form, CancellationToken cancellationToken = default);
}
