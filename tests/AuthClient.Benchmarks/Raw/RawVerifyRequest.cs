namespace AuthClient.Benchmarks.Raw;

/// <summary>The baseline's OTP verify body.</summary>
internal sealed record RawVerifyRequest(string VerificationCode);
