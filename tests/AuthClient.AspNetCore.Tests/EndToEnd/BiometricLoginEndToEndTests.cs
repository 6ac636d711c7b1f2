using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.AspNetCore.Tests.EndToEnd;

/// <summary>
/// Biometric login end to end: <c>SignInWithBiometricsAsync</c> → the sandbox's phone answers → the signed
/// <c>/stepup/watch</c> is POSTed over real HTTP to <c>MapWeavrWebhooks</c> → the receiver verifies it → the session
/// completes and exchanges the AUTH token at <c>/access_token</c>.
/// </summary>
public sealed class BiometricLoginEndToEndTests
{
    private const string UserKey = "kat";
    private const string Email = "kat@example.com";
    private static readonly IdentityId Consumer = new(IdentityType.Consumer, "120000000001");

    [Fact]
    public async Task SignInWithBiometricsAsync_ApprovedOnThePhone_SignedWebhookOverHttpCompletesTheSessionSteppedUp()
    {
        await using var host = await StartAsync();

        var signIn = host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        var challenge = await host.Sandbox.WaitForPendingChallengeAsync(Email).WaitAsync(EndToEndHost.HangGuard);
        var delivery = await host.Sandbox.ApproveAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);
        var result = await signIn.WaitAsync(EndToEndHost.HangGuard);

        // The webhook went over HTTP to the receiver, which verified and accepted it.
        Assert.Equal((SandboxChallengeKind.BiometricLogin, ScaChannel.Biometric), (challenge.Kind, challenge.Channel));
        Assert.Equal(new Uri(host.WebhookUrl + "/stepup/watch"), delivery.Url);
        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal(delivery.CallRef, Assert.Single(host.Sandbox.WebhookDeliveries).CallRef);

        // The session completed with the webhook's AUTH token and exchanged it for a stepped-up ACCESS token.
        Assert.True(result.Succeeded);
        Assert.Equal((ChallengeOutcome.Verified, challenge.Id), (result.Outcome, result.ChallengeId));
        var session = result.Session;
        Assert.Same(session, await host.Sessions.FindAsync(UserKey));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        Assert.Equal(AccessTokenStatus.SteppedUp, session.TokenStatus);
        Assert.Equal(Consumer, session.Identity);
        var authToken = EndToEndHost.AuthTokenOf(delivery);
        Assert.False(string.IsNullOrEmpty(authToken));
        Assert.Equal(["/multi/login_via_biometrics", "/multi/access_token"], host.Sandbox.RequestLog.Select(e => e.Path));
        var exchange = host.Sandbox.RequestLog[1];
        Assert.Equal(("Bearer " + authToken, 200), (exchange.Header("Authorization"), exchange.StatusCode));
        Assert.NotEqual(authToken, session.Token!.Reveal());

        // Weavr agrees the token is stepped up: a call that requires it succeeds at once, without a step-up.
        var unlinked = await session.UnlinkPushAsync(ScaChannel.Biometric).WaitAsync(EndToEndHost.HangGuard);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, unlinked.StatusCode);
        Assert.Equal([204], host.Sandbox.RequestLog.Where(e => e.Method == "DELETE").Select(e => e.StatusCode));

        // Nothing secret reached the backend's logs.
        var logs = host.LogText();
        Assert.DoesNotContain(authToken!, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Token.Reveal(), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Sandbox.ApiKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(delivery.SignatureV2, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_DeclinedOnThePhone_ReturnsDeclinedWithoutAToken()
    {
        await using var host = await StartAsync();

        var signIn = host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        var challenge = await host.Sandbox.WaitForPendingChallengeAsync(Email).WaitAsync(EndToEndHost.HangGuard);
        var delivery = await host.Sandbox.DeclineAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);
        var result = await signIn.WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal(204, delivery.StatusCode);
        Assert.Contains("\"DECLINED\"", delivery.Body, StringComparison.Ordinal);
        Assert.Null(EndToEndHost.AuthTokenOf(delivery));
        Assert.False(result.Succeeded);
        Assert.Equal((ChallengeOutcome.Declined, challenge.Id), (result.Outcome, result.ChallengeId));
        Assert.Equal(WeavrSessionState.Anonymous, result.Session.State);
        Assert.Null(result.Session.Token);
        Assert.Equal(["/multi/login_via_biometrics"], host.Sandbox.RequestLog.Select(e => e.Path));
    }

    [Fact]
    public async Task SignInWithBiometricsAsync_WebhookSignedWithAnotherKey_IsRefusedOverHttpAndTheLoginTimesOut()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(signingKey: "not-the-key-weavr-signs-with", time);

        var signIn = host.Sessions.SignInWithBiometricsAsync(UserKey, Email);
        var challenge = await host.Sandbox.WaitForPendingChallengeAsync(Email).WaitAsync(EndToEndHost.HangGuard);
        await host.Challenges.WhenAwaitedAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);
        var delivery = await host.Sandbox.ApproveAsync(challenge.Id).WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal(401, delivery.StatusCode);
        Assert.False(signIn.IsCompleted); // The refused delivery completed nothing.

        time.Advance(WeavrSessionDefaults.PushTimeout);
        var result = await signIn.WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal(ChallengeOutcome.TimedOut, result.Outcome);
        Assert.Null(result.Session.Token);
        Assert.DoesNotContain(host.Sandbox.RequestLog, e => e.Path == "/multi/access_token");
    }

    private static Task<EndToEndHost> StartAsync(string? signingKey = null, FakeTimeProvider? time = null) =>
        EndToEndHost.StartAsync(
            b => b.WithUser(u => u.Email(Email).Identity(Consumer.Type, "Katherine Johnson", Consumer.Id).WithBiometric()),
            signingKey,
            time);
}
