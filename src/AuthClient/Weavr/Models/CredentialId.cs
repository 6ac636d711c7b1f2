namespace AuthClient.Weavr.Models;

/// <summary>Identifies the credential (root user, user or API client) a token belongs to.</summary>
/// <param name="Type">The credential type.</param>
/// <param name="Id">The numeric identifier, as a string.</param>
public sealed record CredentialId(CredentialType Type, string Id);
