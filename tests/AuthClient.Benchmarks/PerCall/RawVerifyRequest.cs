namespace AuthClient.Benchmarks.PerCall;

/// <summary>The baseline's OTP verify body.</summary>
internal sealed record RawVerifyRequest(string VerificationCode);
