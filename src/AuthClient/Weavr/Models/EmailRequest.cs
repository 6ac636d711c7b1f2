namespace AuthClient.Weavr.Models;

/// <summary>The body of <c>POST /passwords/lost_password/start</c>.</summary>
/// <param name="Email">The user's e-mail address.</param>
public sealed record EmailRequest(string Email);
