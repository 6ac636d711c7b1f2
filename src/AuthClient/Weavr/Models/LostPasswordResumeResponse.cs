using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /passwords/lost_password/resume</c> (the spec's <c>TokenResponse</c>).</summary>
public sealed record LostPasswordResumeResponse
{
    /// <summary>Gets the token to continue with: like the AUTH token of a password login (list identities, then
    /// exchange it with <c>/access_token</c>).</summary>
    public required Secret Token { get; init; }
}
