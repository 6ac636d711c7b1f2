using AuthClient.Weavr.Models;

namespace AuthClient.Weavr.Internal;

/// <summary>The documented wrapper shape of <c>GET /identities</c>, read without recursing into the converter.</summary>
internal sealed record IdentitiesPayload
{
    public List<UserIdentity>? Identities { get; init; }

    public int? Count { get; init; }

    public int? ResponseCount { get; init; }
}
