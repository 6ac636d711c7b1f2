namespace AuthClient.Webhooks;

/// <summary>The identity in a webhook; its type is a plain string there (open).</summary>
/// <param name="Type">The identity type, e.g. <c>CONSUMER</c>.</param>
/// <param name="Id">The identity id.</param>
public sealed record WebhookIdentity(string Type, string Id);
