namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /passwords/validate</c>.</summary>
/// <param name="Password">The password to check against the programme's password policy.</param>
public sealed record PasswordValidateRequest(SensitivePassword Password);
