using AuthClient.Primitives;

namespace AuthClient.Transmit;

/// <summary>A Transmit client access token (application level, for <c>start</c> and <c>authenticate</c>).</summary>
public sealed record TransmitClientToken
{
    /// <summary>Gets the access token. It never prints itself.</summary>
    public required Secret AccessToken { get; init; }

    /// <summary>Gets the token type (normally <c>Bearer</c>).</summary>
    public required string TokenType { get; init; }

    /// <summary>Gets when the token expires, by the clock of the registered <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
