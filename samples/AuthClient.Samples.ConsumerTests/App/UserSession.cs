using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>A signed-in user acting as one identity.</summary>
/// <param name="Identity">The identity chosen.</param>
/// <param name="IdentityName">The identity's display name.</param>
/// <param name="AccessToken">The Weavr ACCESS token (a <see cref="Secret"/>: never logged).</param>
/// <param name="IsSteppedUp">Whether the token is already stepped up (e.g. after a biometric login).</param>
public sealed record UserSession(IdentityId Identity, string IdentityName, Secret AccessToken, bool IsSteppedUp);
