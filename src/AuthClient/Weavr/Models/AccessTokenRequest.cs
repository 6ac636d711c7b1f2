using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /access_token</c>.</summary>
/// <param name="Identity">The identity to act as (always sent).</param>
public sealed record AccessTokenRequest(IdentityId Identity)
{
    /// <summary>Gets the certificate-generated assertion of a delegated API client, when used. Secret: never printed.</summary>
    public Secret? ClientAssertion { get; init; }

    /// <summary>Gets a short-lived one-time token to exchange, when used.</summary>
    public Secret? Token { get; init; }
}
