namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /login_via_biometrics</c>.</summary>
/// <param name="Email">The e-mail address used when the user enrolled biometrics.</param>
/// <param name="Identity">The identity to log in to, for users with several identities.</param>
public sealed record LoginViaBiometricsRequest(
    string Email,
    IdentityId? Identity = null);
