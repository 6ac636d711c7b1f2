#region sessions-usage
using AuthClient.Sessions;
using AuthClient.Weavr.Models;

namespace MyApp;

public sealed class AccountService(IWeavrSessionRegistry sessions)
{
    public async Task SignInAndUnlinkAuthyAsync(string userId, string email, string password, CancellationToken ct)
    {
        // One line per user: with one identity the session is ready (State == Access).
        IWeavrSession session = await sessions.SignInWithPasswordAsync(userId, email, password, ct);

        // Secured calls: a 403 STEP_UP_REQUIRED triggers the configured step-up, then the call is replayed once,
        // with the same idempotency-ref. A failed step-up throws WeavrStepUpFailedException (see its Result).
        await session.UnlinkPushAsync(ScaChannel.Authy, ct);
        await session.ExecuteAsync((client, options, token) => client.EnrolPushAsync(ScaChannel.Authy, options, token), ct);
    }

    public async Task<bool> SignInWithBiometricsAsync(string userId, string email, CancellationToken ct)
    {
        // Waits for the /stepup/watch webhook, returns a typed outcome.
        var result = await sessions.SignInWithBiometricsAsync(userId, email, cancellationToken: ct);
        return result.Succeeded; // otherwise result.Outcome: Declined, Expired, TimedOut, ChannelNotRegistered, ...
    }

    public async Task<WeavrSessionState?> StateOfAsync(string userId, CancellationToken ct) =>
        (await sessions.FindAsync(userId, ct))?.State;   // null when none; an expired session is returned as Expired
}
#endregion
