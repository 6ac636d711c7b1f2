#region webhooks-sink
using AuthClient.Webhooks;

namespace MyApp;

public sealed class AuditSink : IWeavrWebhookEventSink
{
    public ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        switch (webhookEvent)
        {
            case StepUpEvent stepUp:       // stepUp.ChallengeId, stepUp.Status, stepUp.AuthToken (Secret?, BIOMETRIC login only)
                Console.WriteLine($"step-up {stepUp.ChallengeId}: {stepUp.Status}");
                break;
            case LoginEvent:
            case EnrolmentEvent:
                break;
        }

        return ValueTask.CompletedTask;    // sinks must be idempotent: a 500 makes Weavr deliver again
    }
}
#endregion
