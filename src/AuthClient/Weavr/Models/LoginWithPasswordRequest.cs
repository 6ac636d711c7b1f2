namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /login_with_password</c>.</summary>
/// <param name="Email">The user's e-mail address.</param>
/// <param name="Password">The user's password.</param>
public sealed record LoginWithPasswordRequest(string Email, SensitivePassword Password);
