namespace AuthClient.Benchmarks.Raw;

/// <summary>One identity in the baseline's identities answer.</summary>
internal sealed record RawIdentityEntry(RawIdentity Id, string? Name);
