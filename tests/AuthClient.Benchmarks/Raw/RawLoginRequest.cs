namespace AuthClient.Benchmarks.Raw;

/// <summary>The baseline's login body.</summary>
internal sealed record RawLoginRequest(string Email, RawPassword Password);
