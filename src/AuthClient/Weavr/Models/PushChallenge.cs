namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /stepup/challenges/push/{channel}</c>.</summary>
/// <param name="Id">The challenge id; equals <c>challengeId</c> in the <c>/stepup/watch</c> webhook.</param>
public sealed record PushChallenge(string Id);
