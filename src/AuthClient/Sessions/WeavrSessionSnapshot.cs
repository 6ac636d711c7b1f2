using System.Text.Json.Serialization;
using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions;

/// <summary>
/// A serializable picture of a session, kept by an <see cref="IWeavrSessionStore"/>. Its tokens are <see cref="Secret"/>s:
/// <see cref="ToString"/>, structured logging (<c>{@snapshot}</c>) and a general-purpose serializer never print them.
/// Only <see cref="WeavrSessionSnapshotSerializer"/> (AOT-safe) writes them, for a store to persist (encrypted at rest in
/// a distributed store).
/// </summary>
public sealed record WeavrSessionSnapshot
{
    /// <summary>Gets the application's key of the user.</summary>
    public required string UserKey { get; init; }

    /// <summary>Gets the state when the snapshot was taken (expiry is re-evaluated from <see cref="LastActivityAt"/>).</summary>
    public required WeavrSessionState State { get; init; }

    /// <summary>Gets the current bearer token (AUTH, ACCESS or temporary, by <see cref="State"/>), if any. Secret.</summary>
    [JsonIgnore]
    public Secret? Token { get; init; }

    /// <summary>Gets the AUTH token kept to exchange again for an ACCESS token, if any. Secret.</summary>
    [JsonIgnore]
    public Secret? AuthToken { get; init; }

    /// <summary>Gets the ACCESS token's status, if the session holds one.</summary>
    public AccessTokenStatus? TokenStatus { get; init; }

    /// <summary>Gets the identity the session acts as (or will be exchanged for).</summary>
    public IdentityId? Identity { get; init; }

    /// <summary>Gets the credential that signed in.</summary>
    public CredentialId? Credential { get; init; }

    /// <summary>Gets the e-mail address the user signed in with (a <c>user_deactivated</c> webhook names the user by it).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the identities listed at sign-in.</summary>
    public IReadOnlyList<UserIdentity> Identities { get; init; } = [];

    /// <summary>Gets the time of the last successful call (the idle timeout runs from it).</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>Gets when a lock ends, in <see cref="WeavrSessionState.Locked"/>.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Gets the snapshot's version: it grows with every change of the session (with an
    /// <see cref="IVersionedWeavrSessionStore"/>, with every write to the store, which checks it).</summary>
    public long Version { get; init; }

    /// <summary>Describes the snapshot without its tokens.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() =>
        $"WeavrSessionSnapshot {{ UserKey = {UserKey}, State = {State}, Token = {Token?.ToString() ?? "null"}, AuthToken = {AuthToken?.ToString() ?? "null"}, " +
        $"TokenStatus = {TokenStatus}, Identity = {Identity?.Type}/{Identity?.Id}, LastActivityAt = {LastActivityAt:O}, " +
        $"LockedUntil = {LockedUntil:O}, Version = {Version} }}";
}
