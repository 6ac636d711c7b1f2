using System.Text.Json;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;

namespace AuthClient.Sessions;

/// <summary>Converts <see cref="WeavrSessionSnapshot"/> to and from JSON for distributed stores (source-generated, AOT-safe).</summary>
public static class WeavrSessionSnapshotSerializer
{
    /// <summary>Serializes a snapshot. The JSON contains the session's tokens: protect it like a password.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(WeavrSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var document = new SnapshotDocument
        {
            UserKey = snapshot.UserKey,
            State = snapshot.State,
            Token = snapshot.Token?.Reveal(),
            AuthToken = snapshot.AuthToken?.Reveal(),
            TokenStatus = snapshot.TokenStatus,
            Identity = snapshot.Identity,
            Credential = snapshot.Credential,
            Email = snapshot.Email,
            Identities = snapshot.Identities,
            LastActivityAt = snapshot.LastActivityAt,
            LockedUntil = snapshot.LockedUntil,
            Version = snapshot.Version,
        };
        return JsonSerializer.Serialize(document, WeavrSessionJsonContext.Default.SnapshotDocument);
    }

    /// <summary>Deserializes a snapshot written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="JsonException">The text is not a snapshot.</exception>
    public static WeavrSessionSnapshot Deserialize(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var document = JsonSerializer.Deserialize(json, WeavrSessionJsonContext.Default.SnapshotDocument)
            ?? throw new JsonException("The JSON holds no session snapshot.");
        return new WeavrSessionSnapshot
        {
            UserKey = document.UserKey,
            State = document.State,
            Token = Secret.FromNullable(document.Token),
            AuthToken = Secret.FromNullable(document.AuthToken),
            TokenStatus = document.TokenStatus,
            Identity = document.Identity,
            Credential = document.Credential,
            Email = document.Email,
            Identities = document.Identities ?? [],
            LastActivityAt = document.LastActivityAt,
            LockedUntil = document.LockedUntil,
            Version = document.Version,
        };
    }
}
