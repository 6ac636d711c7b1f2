namespace AuthClient.Webhooks.Internal;

/// <summary>Wire shape of <c>IdentityDeactivatedEvent</c> (no timestamp in the body: only the header carries it).</summary>
internal sealed class UserDeactivatedEventPayload
{
    public string? ActionDoneBy { get; set; }

    public string? EmailAddress { get; set; }

    public string? ReasonCode { get; set; }
}
