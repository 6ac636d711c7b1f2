using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The body of the two OTP verify endpoints.</summary>
/// <param name="VerificationCode">The six-digit one-time password.</param>
public sealed record VerificationCodeRequest(Secret VerificationCode);
