using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// Builds the results <see cref="ITransmitBiometricsClient"/> returns, for a
/// <see cref="FakeTransmitBiometricsClient"/> (or any fake or mock) in your unit tests:
/// <c>fake.OnAuthenticate = _ => TransmitResults.Tokens("user-access-token")</c>.
/// </summary>
public static class TransmitResults
{
    /// <summary>The user access token <see cref="Tokens"/> returns unless told otherwise.</summary>
    public const string DefaultUserAccessToken = "fake-user-access-token";

    /// <summary>The answer to <c>StartAsync</c>: the challenge the app signs.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <returns>The response.</returns>
    public static BiometricsStartResponse Challenge(string challenge) => new() { Challenge = challenge };

    /// <summary>The answer to <c>AuthenticateAsync</c>: the user's tokens (a <c>Bearer</c> access token valid for an hour).</summary>
    /// <param name="accessToken">The user access token; default <see cref="DefaultUserAccessToken"/>.</param>
    /// <param name="idToken">The ID token, if the test needs one.</param>
    /// <param name="sessionId">The session id, if the test needs one.</param>
    /// <returns>The tokens.</returns>
    public static BiometricsTokens Tokens(string accessToken = DefaultUserAccessToken, string? idToken = null, string? sessionId = null) => new()
    {
        AccessToken = new Secret(accessToken),
        IdToken = Secret.FromNullable(idToken),
        TokenType = "Bearer",
        ExpiresIn = 3600,
        SessionId = sessionId,
    };
}
