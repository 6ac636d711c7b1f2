using AuthClient.Webhooks;

namespace AuthClient.Sessions.Internal;

/// <summary>Ends the sessions of a user Weavr deactivated: the <c>user_deactivated</c> webhook, fed by the receiver.</summary>
internal sealed class UserDeactivationSink(IWeavrSessionRegistry registry) : IWeavrWebhookEventSink
{
    public async ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent is UserDeactivatedEvent { EmailAddress.Length: > 0 } deactivated)
        {
            await registry.EndDeactivatedUserSessionsAsync(deactivated.EmailAddress, cancellationToken).ConfigureAwait(false);
        }
    }
}
