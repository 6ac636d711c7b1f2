namespace AuthClient.Weavr.Models;

/// <summary>Information about a user's password.</summary>
public sealed record PasswordInfo
{
    /// <summary>Gets the identity the password belongs to.</summary>
    public IdentityId? IdentityId { get; init; }

    /// <summary>Gets the expiry as milliseconds since the Unix epoch; 0 means it never expires.</summary>
    public long? ExpiryDate { get; init; }
}
