using AuthClient.Weavr.Models;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>The wire shape of <c>GET /identities</c> for the raw client (the SDK's public model has its own converter).</summary>
internal sealed record RawIdentitiesPage(List<UserIdentity> Identities);
