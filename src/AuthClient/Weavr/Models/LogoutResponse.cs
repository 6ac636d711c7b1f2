namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /logout</c> (the server may also answer 204 with no body).</summary>
/// <param name="Url">The logout URL of a third-party authentication provider, when one applies.</param>
public sealed record LogoutResponse(string? Url);
