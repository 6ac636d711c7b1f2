namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /login_via_biometrics</c>.</summary>
/// <param name="ChallengeId">The challenge id; the outcome arrives on the <c>/stepup/watch</c> webhook with this id.</param>
public sealed record LoginViaBiometricsResponse(string ChallengeId);
