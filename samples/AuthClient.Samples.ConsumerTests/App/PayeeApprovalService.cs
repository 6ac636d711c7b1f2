using AuthClient.Sessions;

namespace AuthClient.Samples.ConsumerTests.App;

/// <summary>App code that depends on sessions: adding a payee needs a signed-in user who passes a step-up.</summary>
/// <param name="sessions">The SDK's session registry (a <c>FakeWeavrSessionRegistry</c> in unit tests).</param>
public sealed class PayeeApprovalService(IWeavrSessionRegistry sessions)
{
    /// <summary>Asks the user to confirm a new payee with strong customer authentication.</summary>
    /// <param name="userKey">The app's key of the user.</param>
    /// <param name="cancellationToken">Cancels the approval.</param>
    /// <returns>What happened.</returns>
    public async Task<PayeeApproval> ApproveAsync(string userKey, CancellationToken cancellationToken = default)
    {
        var session = await sessions.FindAsync(userKey, cancellationToken);
        if (session is null || session.State is not (WeavrSessionState.Access or WeavrSessionState.SteppedUp))
        {
            return PayeeApproval.SignInRequired;
        }

        try
        {
            var stepUp = await session.StepUpAsync(cancellationToken);
            return stepUp.Succeeded ? PayeeApproval.Approved : PayeeApproval.Refused;
        }
        catch (WeavrSessionExpiredException)
        {
            // Expired between the check and the step-up: the user signs in again.
            return PayeeApproval.SignInRequired;
        }
    }
}
