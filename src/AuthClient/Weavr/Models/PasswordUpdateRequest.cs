namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /passwords/update</c>.</summary>
/// <param name="OldPassword">The current (possibly expired) password.</param>
/// <param name="NewPassword">The new password.</param>
public sealed record PasswordUpdateRequest(SensitivePassword OldPassword, SensitivePassword NewPassword);
