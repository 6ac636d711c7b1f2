using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /access_token</c>: an ACCESS token for one identity.</summary>
public sealed record AccessTokenResponse
{
    /// <summary>Gets the ACCESS token.</summary>
    public required Secret Token { get; init; }

    /// <summary>Gets the identity the token acts as.</summary>
    public IdentityId? Identity { get; init; }

    /// <summary>Gets the credential the token belongs to.</summary>
    public CredentialId? Credentials { get; init; }

    /// <summary>Gets the token strength: <see cref="AccessTokenStatus.Standard"/> after a password login,
    /// <see cref="AccessTokenStatus.SteppedUp"/> after a biometric login. May be absent.</summary>
    public AccessTokenStatus? Status { get; init; }
}
