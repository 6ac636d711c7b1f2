namespace AuthClient.Weavr.Models;

/// <summary>Identifies a Weavr identity (a consumer or a corporate).</summary>
/// <param name="Type">The identity type.</param>
/// <param name="Id">The numeric identifier, as a string.</param>
public sealed record IdentityId(IdentityType Type, string Id);
