using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /login_with_password</c>: an AUTH token, valid 5 minutes from last use.</summary>
public sealed record LoginWithPasswordResponse
{
    /// <summary>Gets the token.</summary>
    public Secret? Token { get; init; }

    /// <summary>Gets the token type (normally <see cref="TokenType.Auth"/>).</summary>
    public TokenType? TokenType { get; init; }

    /// <summary>Gets the identity the user logged in to.</summary>
    public IdentityId? Identity { get; init; }

    /// <summary>Gets the credential that logged in.</summary>
    public CredentialId? Credentials { get; init; }
}
