using System.Text.Json.Serialization;
using AuthClient.Weavr.Internal;

namespace AuthClient.Weavr.Models;

/// <summary>
/// The 200 body of <c>GET /identities</c>. The documented shape is <c>{ identities, count, responseCount }</c>;
/// the older bare-array shape is accepted too.
/// </summary>
[JsonConverter(typeof(IdentitiesResponseJsonConverter))]
public sealed record IdentitiesResponse
{
    /// <summary>Gets the identities on this page.</summary>
    public IReadOnlyList<UserIdentity> Identities { get; init; } = [];

    /// <summary>Gets the total number of identities.</summary>
    public int Count { get; init; }

    /// <summary>Gets the number of identities on this page.</summary>
    public int ResponseCount { get; init; }
}
