namespace AuthClient.Webhooks;

/// <summary>
/// <c>/auth/users/user_deactivated/watch</c> (Weavr's <c>IdentityDeactivatedEvent</c>): Weavr deactivated a user. The
/// event names the user by e-mail address only; with sessions, every session signed in with that address (compared
/// case-insensitively) ends in <see cref="Sessions.WeavrSessionState.Deactivated"/>.
/// </summary>
public sealed record UserDeactivatedEvent : WeavrWebhookEvent
{
    /// <summary>Gets the deactivated user's e-mail address.</summary>
    public required string EmailAddress { get; init; }

    /// <summary>Gets who deactivated the user: <c>ADMIN</c>, <c>INNOVATOR</c> or <c>UNDEFINED</c> (open: a new value is kept as sent).</summary>
    public required string ActionDoneBy { get; init; }

    /// <summary>Gets why: <c>UNDEFINED_REASON</c>, <c>ACCOUNT_REVIEW</c>, <c>ACCOUNT_SECURITY</c>, <c>TEMPORARY</c>,
    /// <c>ACCOUNT_CLOSURE</c> or <c>ACCOUNT_ABANDONED</c> (open: a new value is kept as sent).</summary>
    public required string ReasonCode { get; init; }
}
