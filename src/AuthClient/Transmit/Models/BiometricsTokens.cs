using System.Text.Json.Serialization;
using AuthClient.Primitives;

namespace AuthClient.Transmit.Models;

/// <summary>
/// The 200 body of <c>POST /v1/auth/mobile-biometrics/authenticate</c>: the user's tokens. They are JWTs your backend
/// should validate before trusting their claims. Every token is a <see cref="Secret"/>: it never prints itself.
/// </summary>
public sealed record BiometricsTokens
{
    /// <summary>Gets the user access token (also what <c>register</c> and <c>delete</c> take).</summary>
    [JsonPropertyName("access_token")]
    public required Secret AccessToken { get; init; }

    /// <summary>Gets the ID token, if issued.</summary>
    [JsonPropertyName("id_token")]
    public Secret? IdToken { get; init; }

    /// <summary>Gets the refresh token, if issued.</summary>
    [JsonPropertyName("refresh_token")]
    public Secret? RefreshToken { get; init; }

    /// <summary>Gets the token type (normally <c>Bearer</c>).</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Gets the access token's lifetime in seconds (e.g. 3600).</summary>
    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }

    /// <summary>Gets the session the authentication belongs to (new unless one was passed in).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }
}
