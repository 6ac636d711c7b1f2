using AuthClient.Weavr.Models;

namespace AuthClient.Sessions.Internal;

/// <summary>
/// The stored form of a <see cref="WeavrSessionSnapshot"/>, tokens in clear: only <see cref="WeavrSessionSnapshotSerializer"/>
/// sees it, so the public snapshot never has to expose a token to a general-purpose serializer.
/// </summary>
internal sealed record SnapshotDocument
{
    public required string UserKey { get; init; }

    public required WeavrSessionState State { get; init; }

    public string? Token { get; init; }

    public string? AuthToken { get; init; }

    public AccessTokenStatus? TokenStatus { get; init; }

    public IdentityId? Identity { get; init; }

    public CredentialId? Credential { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<UserIdentity>? Identities { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public long Version { get; init; }
}
