using System.Net;
using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Weavr.Models;

namespace AuthClient.AspNetCore.Tests.EndToEnd;

/// <summary>
/// Push step-up end to end: the session starts an Authy push, the sandbox's phone approves, the signed
/// <c>/stepup/watch</c> reaches <c>MapWeavrWebhooks</c> over real HTTP and completes the session's challenge.
/// </summary>
public sealed class PushStepUpEndToEndTests
{
    private const string UserKey = "joan";
    private const string Email = "joan@example.com";
    private const string Password = "Joan-Passw0rd!";

    [Fact]
    public async Task StepUpWithPushAsync_ApprovedOnThePhone_SignedWebhookOverHttpStepsUpTheSameToken()
    {
        await using var host = await StartAsync();
        var session = await host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password).WaitAsync(EndToEndHost.HangGuard);
        var token = session.Token;
        Assert.Equal(WeavrSessionState.Access, session.State);

        var stepUp = session.StepUpWithPushAsync(ScaChannel.Authy);
        var challenge = await host.Sandbox.WaitForPendingChallengeAsync(Email).WaitAsync(EndToEndHost.HangGuard);
        var delivery = await host.Sandbox.ApproveAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);
        var result = await stepUp.WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal((SandboxChallengeKind.PushStepUp, ScaChannel.Authy), (challenge.Kind, challenge.Channel));
        Assert.Equal(new Uri(host.WebhookUrl + "/stepup/watch"), delivery.Url);
        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal((ChallengeOutcome.Verified, challenge.Id), (result.Outcome, result.ChallengeId));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Equal(AccessTokenStatus.SteppedUp, session.TokenStatus);
        Assert.Equal(token, session.Token); // A step-up upgrades the same token.

        // Weavr agrees: the call that requires a stepped-up token succeeds at once.
        var unlinked = await session.UnlinkPushAsync(ScaChannel.Authy).WaitAsync(EndToEndHost.HangGuard);
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Equal([204], host.Sandbox.RequestLog.Where(e => e.Method == "DELETE").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task UnlinkPushAsync_StandardToken_StepsUpWithAPushApprovedOverHttpAndReplaysWithTheSameIdempotencyRef()
    {
        await using var host = await StartAsync();
        var session = await host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password).WaitAsync(EndToEndHost.HangGuard);

        var unlink = session.UnlinkPushAsync(ScaChannel.Authy);
        var challenge = await host.Sandbox.WaitForPendingChallengeAsync(Email).WaitAsync(EndToEndHost.HangGuard);
        var delivery = await host.Sandbox.ApproveAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);
        var unlinked = await unlink.WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        var deletes = host.Sandbox.RequestLog.Where(e => e.Method == "DELETE").ToList();
        Assert.Equal([403, 204], deletes.Select(e => e.StatusCode));
        Assert.Equal(deletes[0].Header("idempotency-ref"), deletes[1].Header("idempotency-ref"));
        Assert.Equal(unlinked.IdempotencyRef, deletes[1].Header("idempotency-ref"));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Null(host.Sandbox.GetUser(Email).GetFactorStatus(ScaChannel.Authy));
    }

    [Fact]
    public async Task StepUpWithPushAsync_DeclinedOnThePhone_ReturnsDeclinedAndTheTokenStaysStandard()
    {
        await using var host = await StartAsync();
        var session = await host.Sessions.SignInWithPasswordAsync(UserKey, Email, Password).WaitAsync(EndToEndHost.HangGuard);

        var stepUp = session.StepUpWithPushAsync(ScaChannel.Authy);
        var challenge = await host.Sandbox.WaitForPendingChallengeAsync(Email).WaitAsync(EndToEndHost.HangGuard);
        var delivery = await host.Sandbox.DeclineAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);
        var result = await stepUp.WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal(ChallengeOutcome.Declined, result.Outcome);
        Assert.Equal(WeavrSessionState.Access, session.State);
        Assert.Equal(AccessTokenStatus.Standard, session.TokenStatus);
    }

    private static Task<EndToEndHost> StartAsync() =>
        EndToEndHost.StartAsync(b => b.WithUser(u => u.Email(Email).Password(Password).WithAuthy()));
}
