using AuthClient.Testing.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing;

/// <summary>
/// A user the sandbox knows, with a live view of its state (current password, factors, lockout). Test data:
/// <see cref="ToString"/> leaves the password out all the same.
/// </summary>
public sealed class SandboxUser
{
    /// <summary>The password a user gets when none is configured: <c>Passw0rd!</c> (meets Weavr's policy).</summary>
    public const string DefaultPassword = "Passw0rd!";

    private readonly UserState _state;
    private readonly object _gate;

    internal SandboxUser(UserState state, object gate)
    {
        _state = state;
        _gate = gate;
    }

    /// <summary>Gets the login e-mail.</summary>
    public string Email => _state.Email;

    /// <summary>Gets the current password (it changes after a successful <c>/passwords/update</c>).</summary>
    public string Password
    {
        get
        {
            lock (_gate)
            {
                return _state.Password;
            }
        }
    }

    /// <summary>Gets the mobile number, or <see langword="null"/> when the user has none.</summary>
    public string? MobileNumber => _state.MobileNumber;

    /// <summary>Gets the identities the user can log in to.</summary>
    public IReadOnlyList<UserIdentity> Identities => _state.Identities;

    /// <summary>Gets the first identity: the one a password login reports and the natural <c>/access_token</c> argument.</summary>
    public IdentityId Identity => _state.PrimaryIdentity;

    /// <summary>Gets the user's credential (reported by logins and webhooks).</summary>
    public CredentialId Credential => _state.Credential;

    /// <summary>Gets the user's id on the Transmit side.</summary>
    public string TransmitUserId => _state.TransmitUserId;

    /// <summary>Gets a value indicating whether the password is expired (a login answers 409 with a temporary token).</summary>
    public bool IsPasswordExpired
    {
        get
        {
            lock (_gate)
            {
                return _state.PasswordExpired;
            }
        }
    }

    /// <summary>Gets when the lockout after too many wrong passwords ends, or <see langword="null"/> when not locked.</summary>
    public DateTimeOffset? LockedUntil
    {
        get
        {
            lock (_gate)
            {
                return _state.LockedUntil;
            }
        }
    }

    /// <summary>Returns the status of a factor, or <see langword="null"/> when the user has none on that channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The status.</returns>
    public ScaFactorStatus? GetFactorStatus(ScaChannel channel)
    {
        lock (_gate)
        {
            return _state.Factors.TryGetValue(channel.Value, out var status) ? status : null;
        }
    }

    /// <summary>Returns the e-mail and identity, never the password.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"SandboxUser {{ Email = {Email}, Identity = {Identity.Type} {Identity.Id} }}";
}
