using System.Text.Json;
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
        return JsonSerializer.Serialize(snapshot, WeavrSessionJsonContext.Default.WeavrSessionSnapshot);
    }

    /// <summary>Deserializes a snapshot written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="JsonException">The text is not a snapshot.</exception>
    public static WeavrSessionSnapshot Deserialize(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, WeavrSessionJsonContext.Default.WeavrSessionSnapshot)
            ?? throw new JsonException("The JSON holds no session snapshot.");
    }
}
