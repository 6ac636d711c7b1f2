using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions.Internal;

/// <summary>
/// Everything a session knows, as an immutable value: the state machine's state. Changed only by
/// <see cref="SessionTransitions.Apply"/>; the session shell holds the current value.
/// </summary>
internal sealed record SessionData
{
    /// <summary>A session that never signed in.</summary>
    public static readonly SessionData Anonymous = new();

    // The three optional instants as UTC ticks + 1 (0 = none): 8 bytes each instead of a 24-byte DateTimeOffset?, which
    // matters with 100k idle sessions in memory. Equality is unchanged (DateTimeOffset compares the UTC instant).
    private readonly long _lastActivity;
    private readonly long _lockedUntil;
    private readonly long _expiredAt;

    public WeavrSessionState State { get; init; } = WeavrSessionState.Anonymous;

    /// <summary>The bearer token: AUTH, ACCESS or temporary, by <see cref="State"/>.</summary>
    public Secret? Token { get; init; }

    /// <summary>The AUTH token kept for exchanging again.</summary>
    public Secret? AuthToken { get; init; }

    public AccessTokenStatus? TokenStatus { get; init; }

    public IdentityId? Identity { get; init; }

    public CredentialId? Credential { get; init; }

    /// <summary>The e-mail the user signed in with: a <c>user_deactivated</c> webhook names the user by it alone.</summary>
    public string? Email { get; init; }

    public IReadOnlyList<UserIdentity> Identities { get; init; } = [];

    /// <summary>When the last successful call was sent: the idle timeout runs from it.</summary>
    public DateTimeOffset? LastActivity { get => FromTicks(_lastActivity); init => _lastActivity = ToTicks(value); }

    public DateTimeOffset? LockedUntil { get => FromTicks(_lockedUntil); init => _lockedUntil = ToTicks(value); }

    public DateTimeOffset? ExpiredAt { get => FromTicks(_expiredAt); init => _expiredAt = ToTicks(value); }

    /// <summary>Grows when a step-up ends: a 403 for a call sent in an earlier generation shares that step-up's outcome.</summary>
    public long StepUpGeneration { get; init; }

    public bool HasToken => State is WeavrSessionState.Authenticated or WeavrSessionState.Access or WeavrSessionState.SteppedUp or WeavrSessionState.PasswordExpired;

    public bool IsAccess => State is WeavrSessionState.Access or WeavrSessionState.SteppedUp;

    /// <summary>Which identity the AUTH token is exchanged for without asking: the only one listed, or the one chosen before.</summary>
    public IdentityId? ExchangeTarget =>
        State == WeavrSessionState.Authenticated ? Identities.Count == 1 ? Identities[0].Id : null : Identity;

    public DateTimeOffset? ExpiresAt(TimeSpan idleTimeout) => HasToken ? LastActivity + idleTimeout : null;

    /// <summary>Whether this session belongs to the user with <paramref name="email"/> (e-mail addresses compare case-insensitively).</summary>
    public bool BelongsTo(string email) => Email is not null && string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);

    public SessionData WithoutTokens() => this with { Token = null, AuthToken = null, TokenStatus = null };

    /// <summary>Rebuilds the state from a stored snapshot; an inconsistent one is read as expired (or unlocked).</summary>
    public static SessionData FromSnapshot(WeavrSessionSnapshot snapshot)
    {
        var data = new SessionData
        {
            State = snapshot.State,
            Token = snapshot.Token,
            AuthToken = snapshot.AuthToken,
            TokenStatus = snapshot.TokenStatus,
            Identity = snapshot.Identity,
            Credential = snapshot.Credential,
            Email = snapshot.Email,
            Identities = snapshot.Identities ?? [],
            LastActivity = snapshot.LastActivityAt,
            LockedUntil = snapshot.LockedUntil,
        };
        return data switch
        {
            // A snapshot that claims a token but holds none cannot be used.
            { HasToken: true } when data.Token is null || data.LastActivity is null => data.WithoutTokens() with { State = WeavrSessionState.Expired },
            { State: WeavrSessionState.Locked, LockedUntil: null } => data with { State = WeavrSessionState.Anonymous },
            _ => data,
        };
    }

    public WeavrSessionSnapshot ToSnapshot(string userKey, long version) => new()
    {
        UserKey = userKey,
        State = State,
        Token = Token,
        AuthToken = AuthToken,
        TokenStatus = TokenStatus,
        Identity = Identity,
        Credential = Credential,
        Email = Email,
        Identities = Identities,
        LastActivityAt = LastActivity,
        LockedUntil = LockedUntil,
        Version = version,
    };

    private static DateTimeOffset? FromTicks(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks - 1, TimeSpan.Zero);

    private static long ToTicks(DateTimeOffset? value) => value is { } instant ? instant.UtcTicks + 1 : 0;

    /// <summary>Whether <paramref name="other"/> differs from this only in <see cref="LastActivity"/> (a touch, not a change to write).</summary>
    public bool DiffersOnlyInActivity(SessionData other) => this != other && this with { LastActivity = other.LastActivity } == other;
}
