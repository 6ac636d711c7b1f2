using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>A user as configured on the builder, before the sandbox assigns ids.</summary>
internal sealed class UserSpec
{
    public required string Email { get; init; }

    public required string Password { get; init; }

    public required IReadOnlyList<(IdentityType Type, string Name, string? Id)> Identities { get; init; }

    public string? MobileNumber { get; init; }

    public bool PasswordExpired { get; init; }

    public required IReadOnlyDictionary<string, ScaFactorStatus> Factors { get; init; }

    public string? TransmitUserId { get; init; }
}
