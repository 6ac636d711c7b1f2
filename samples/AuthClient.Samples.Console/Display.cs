using AuthClient.Sessions;
using AuthClient.Weavr.Models;

namespace AuthClient.Samples;

/// <summary>How the journey shows SDK values: ids, states and statuses only, never a token or a code.</summary>
internal static class Display
{
    public static string Of(IdentityId identity) => $"{identity.Type} {identity.Id}";

    public static string Of(UserIdentity identity) => $"{Of(identity.Id)} \"{identity.Name}\"";

    public static string Of(CredentialId? credential) => credential is null ? "(unknown)" : $"{credential.Type} {credential.Id}";

    public static string Of(ScaFactor factor) => $"{factor.Channel?.Value ?? "?"} ({factor.Type?.Value ?? "?"}) {factor.Status?.Value ?? "?"}";

    /// <summary>The session's state and token, e.g. <c>Access (ACCESS token STANDARD for CONSUMER 1100…)</c>.</summary>
    public static string Of(IWeavrSession session) => session.State switch
    {
        WeavrSessionState.Access or WeavrSessionState.SteppedUp =>
            $"{session.State} (ACCESS token {session.TokenStatus?.Value}, identity {(session.Identity is { } id ? Of(id) : "?")}, expires {session.ExpiresAt:HH:mm:ss} UTC)",
        WeavrSessionState.Authenticated => $"{session.State} (AUTH token, {session.Identities.Count} identities)",
        WeavrSessionState.PasswordExpired => $"{session.State} (temporary token for /passwords/update only)",
        _ => session.State.ToString(),
    };
}
