namespace AuthClient.Benchmarks.Raw;

/// <summary>The baseline's token answer (login and access token).</summary>
internal sealed record RawTokenResponse(string Token, string? TokenType, RawIdentity? Identity);
