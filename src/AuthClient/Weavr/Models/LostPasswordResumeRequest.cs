using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /passwords/lost_password/resume</c>.</summary>
/// <param name="Nonce">The 6-digit one-time code from the link Weavr e-mailed.</param>
/// <param name="Email">The user's e-mail address.</param>
/// <param name="NewPassword">The new password.</param>
public sealed record LostPasswordResumeRequest(Secret Nonce, string Email, SensitivePassword NewPassword);
