using AuthClient.Primitives;

namespace AuthClient.Weavr.Models;

/// <summary>The 200 body of <c>POST /passwords/update</c>.</summary>
public sealed record PasswordUpdateResponse
{
    /// <summary>Gets the new password's information.</summary>
    public PasswordInfo? PasswordInfo { get; init; }

    /// <summary>Gets the token to use from now on.</summary>
    public required Secret Token { get; init; }
}
