namespace AuthClient.Benchmarks.Raw;

/// <summary>The baseline's identities answer.</summary>
internal sealed record RawIdentitiesResponse(IReadOnlyList<RawIdentityEntry> Identities, int Count, int ResponseCount);
