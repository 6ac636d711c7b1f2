namespace AuthClient.Samples.WebFarm;

/// <summary>What a backend's demo API answers: an outcome, the session's state, and the error type when it failed (never a token).</summary>
internal sealed record ApiAnswer(string Outcome, string? State = null, int? Count = null, string? Error = null, long? CompletedAt = null);

/// <summary>A password sign-in request to a backend.</summary>
internal sealed record PasswordSignIn(string Email, string Password);

/// <summary>A biometric sign-in request to a backend.</summary>
internal sealed record BiometricSignIn(string Email);
