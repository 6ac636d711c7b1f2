using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Weavr;

/// <summary>The result of <see cref="IWeavrAuthClient.LoginWithPasswordAsync"/>: an AUTH token, or a temporary token when the password has expired.</summary>
public sealed record PasswordLoginResult
{
    /// <summary>Gets how the login ended.</summary>
    public required PasswordLoginOutcome Outcome { get; init; }

    /// <summary>Gets the AUTH token, or the temporary token when <see cref="Outcome"/> is <see cref="PasswordLoginOutcome.PasswordExpired"/>.</summary>
    public required Secret Token { get; init; }

    /// <summary>Gets the token type reported by the server.</summary>
    public TokenType? TokenType { get; init; }

    /// <summary>Gets the identity logged in to.</summary>
    public IdentityId? Identity { get; init; }

    /// <summary>Gets the credential that logged in.</summary>
    public CredentialId? Credentials { get; init; }
}
