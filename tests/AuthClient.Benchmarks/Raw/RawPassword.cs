namespace AuthClient.Benchmarks.Raw;

/// <summary>The baseline's password object.</summary>
internal sealed record RawPassword(string Value);
