using AuthClient.Primitives;

namespace AuthClient.Http;

/// <summary>
/// Supplies the bearer token for secured Weavr calls that do not carry one in their <see cref="Weavr.WeavrCallContext"/>.
/// Register your own to plug in an application-wide token (sessions pass their token per call instead).
/// </summary>
public interface IWeavrTokenSource
{
    /// <summary>Returns the token to send, or <see langword="null"/> when there is none.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    ValueTask<Secret?> GetTokenAsync(CancellationToken cancellationToken);
}
