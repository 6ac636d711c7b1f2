namespace AuthClient.Benchmarks.PerCall;

/// <summary>The baseline's password object.</summary>
internal sealed record RawPassword(string Value);
