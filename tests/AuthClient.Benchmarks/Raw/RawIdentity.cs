namespace AuthClient.Benchmarks.Raw;

/// <summary>The baseline's identity id.</summary>
internal sealed record RawIdentity(string Type, string Id);
