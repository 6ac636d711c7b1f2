using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>The mutable state of one sandbox user. Guarded by the engine's lock.</summary>
internal sealed class UserState
{
    public required string Email { get; init; }

    public required string Password { get; set; }

    /// <summary>The current and previous passwords, newest first, for the "not one of the last N" rule.</summary>
    public required List<string> PasswordHistory { get; init; }

    public bool PasswordExpired { get; set; }

    public string? MobileNumber { get; init; }

    public required IReadOnlyList<UserIdentity> Identities { get; init; }

    public required CredentialId Credential { get; init; }

    public required string TransmitUserId { get; init; }

    public int FailedLogins { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Deactivated by <c>DeactivateUserAsync</c>: logins answer 403, every token and one-time token 401.</summary>
    public bool Deactivated { get; set; }

    /// <summary>When the nonce of a started lost-password flow stops working; <see langword="null"/> when none is pending.</summary>
    public DateTimeOffset? LostPasswordNonceExpiresAt { get; set; }

    /// <summary>The factors by channel wire value (SMS, AUTHY, BIOMETRIC).</summary>
    public Dictionary<string, ScaFactorStatus> Factors { get; } = new(StringComparer.Ordinal);

    /// <summary>The pending SMS enrolment challenge, while the SMS factor is PENDING_VERIFICATION.</summary>
    public OtpChallengeState? SmsEnrolment { get; set; }

    public IdentityId PrimaryIdentity => Identities[0].Id;

    public bool IsFactorActive(ScaChannel channel) =>
        Factors.TryGetValue(channel.Value, out var status) && status == ScaFactorStatus.Active;

    public UserIdentity? FindIdentity(string id) => Identities.FirstOrDefault(i => i.Id.Id == id);
}
