using AuthClient.Primitives;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>The result of a Transmit biometric sign-in.</summary>
/// <param name="Succeeded">Whether Transmit accepted the signed challenge.</param>
/// <param name="AccessToken">The user's Transmit access token, when it succeeded.</param>
/// <param name="RejectionCode">Transmit's <c>ts_error_code</c>, when it was rejected (e.g. <c>auth_invalid_signature</c>).</param>
public sealed record BiometricSignInResult(bool Succeeded, Secret? AccessToken, string? RejectionCode);
