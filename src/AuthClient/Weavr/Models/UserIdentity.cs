namespace AuthClient.Weavr.Models;

/// <summary>An identity available to the holder of a token.</summary>
/// <param name="Id">The identity.</param>
/// <param name="Name">The identity's display name.</param>
public sealed record UserIdentity(IdentityId Id, string Name);
