using AuthClient.Primitives;
using AuthClient.Weavr.Models;

namespace AuthClient.Sessions.Internal;

/// <summary>
/// What happened to a session: the input of <see cref="SessionTransitions.Apply"/>. Events that answer a call carry the
/// token the call was sent with, so an answer for a replaced token changes nothing (and re-applying an event to a newer
/// stored state is safe). Time comes in with the event: the transitions never read a clock.
/// </summary>
internal abstract record SessionEvent
{
    private SessionEvent()
    {
    }

    /// <summary>Time passed: idle expiry and the end of a lock.</summary>
    public sealed record Tick(DateTimeOffset At) : SessionEvent;

    /// <summary>A login answered: a new AUTH (or temporary) token replaces everything of the previous login.</summary>
    public sealed record Began(WeavrSessionState State, Secret Token, bool IsAuthToken, CredentialId? Credential, string? Email, DateTimeOffset SentAt) : SessionEvent;

    /// <summary>A sign-in answered an ACCESS token directly (a one-time token exchanged): no AUTH token to exchange again.</summary>
    public sealed record AccessBegan(IdentityId Requested, AccessTokenResponse Access, string Email, DateTimeOffset SentAt) : SessionEvent;

    /// <summary>Weavr deactivated the session's user (<c>user_deactivated</c> webhook): every token is dropped.</summary>
    public sealed record Deactivated : SessionEvent;

    /// <summary>The identities of an AUTH token were listed.</summary>
    public sealed record IdentitiesListed(Secret AuthToken, IReadOnlyList<UserIdentity> Identities) : SessionEvent;

    /// <summary>The AUTH token was exchanged for an ACCESS token.</summary>
    public sealed record AccessGranted(Secret AuthToken, IdentityId Requested, AccessTokenResponse Access, DateTimeOffset SentAt) : SessionEvent;

    /// <summary>A call with <paramref name="Token"/> succeeded: the session stays alive from when it was sent.</summary>
    public sealed record CallSucceeded(Secret Token, DateTimeOffset SentAt) : SessionEvent;

    /// <summary>Weavr answered 401 to a call with <paramref name="Token"/>.</summary>
    public sealed record Unauthorized(Secret Token, DateTimeOffset At) : SessionEvent;

    /// <summary>Weavr answered 423: the account is locked until <paramref name="Until"/>.</summary>
    public sealed record Locked(DateTimeOffset Until) : SessionEvent;

    /// <summary>A new step-up starts on <paramref name="Token"/>: a stepped-up token Weavr refused no longer counts as stepped up.</summary>
    public sealed record StepUpStarted(Secret Token) : SessionEvent;

    /// <summary>A step-up of <paramref name="Token"/> was verified.</summary>
    public sealed record SteppedUp(Secret Token) : SessionEvent;

    /// <summary>A step-up flight ended (whatever its outcome).</summary>
    public sealed record StepUpEnded : SessionEvent;

    /// <summary>The password held by <paramref name="Token"/> (the temporary token) was changed, but no token came back
    /// to continue with: the user signs in afresh.</summary>
    public sealed record PasswordChangedWithoutToken(Secret Token) : SessionEvent;

    /// <summary>The session logged out; <paramref name="Token"/> is the token revoked, <see langword="null"/> when there was none.</summary>
    public sealed record LoggedOut(Secret? Token) : SessionEvent;
}
