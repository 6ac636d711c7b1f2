using System.Text.Json;
using AuthClient.Sessions;
using AuthClient.Testing;
using AuthClient.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.AspNetCore.Tests.EndToEnd;

/// <summary>
/// User deactivation end to end: the sandbox deactivates a user → the signed <c>/auth/users/user_deactivated/watch</c>
/// goes over real HTTP to <c>MapWeavrWebhooks</c> → the receiver verifies it → every session signed in with that
/// e-mail (any letter case) ends in <see cref="WeavrSessionState.Deactivated"/>; other users' sessions are untouched.
/// </summary>
public sealed class UserDeactivationEndToEndTests
{
    private const string Email = "ada@example.com";
    private const string OtherEmail = "grace@example.com";

    [Fact]
    public async Task DeactivateUserAsync_SignedWebhookOverHttp_EndsEverySessionOfThatUserOnly()
    {
        await using var host = await EndToEndHost.StartAsync(b => b
            .WithUser(u => u.Email(Email))
            .WithUser(u => u.Email(OtherEmail)));
        var web = await host.Sessions.SignInWithPasswordAsync("ada-web", Email, SandboxUser.DefaultPassword);
        var phone = await host.Sessions.SignInWithPasswordAsync("ada-phone", "ADA@Example.com", SandboxUser.DefaultPassword);
        var other = await host.Sessions.SignInWithPasswordAsync("grace", OtherEmail, SandboxUser.DefaultPassword);
        var changes = new List<(WeavrSessionState From, WeavrSessionState To)>();
        web.StateChanged += (_, e) => changes.Add((e.PreviousState, e.State));

        var delivery = await host.Sandbox.DeactivateUserAsync(Email, "ACCOUNT_SECURITY").WaitAsync(EndToEndHost.HangGuard);

        Assert.Equal(new Uri(host.WebhookUrl + WeavrWebhookPaths.UserDeactivated), delivery.Url);
        Assert.Equal(204, delivery.StatusCode);
        using (var body = JsonDocument.Parse(delivery.Body))
        {
            Assert.Equal(Email, body.RootElement.GetProperty("emailAddress").GetString());
            Assert.Equal("ACCOUNT_SECURITY", body.RootElement.GetProperty("reasonCode").GetString());
            Assert.Equal("ADMIN", body.RootElement.GetProperty("actionDoneBy").GetString());
        }

        Assert.Equal(WeavrSessionState.Deactivated, web.State);
        Assert.Equal(WeavrSessionState.Deactivated, phone.State);
        Assert.Null(web.Token);
        Assert.Equal([(WeavrSessionState.Access, WeavrSessionState.Deactivated)], changes);
        Assert.Equal(WeavrSessionState.Access, other.State);
        Assert.Equal(WeavrSessionState.Deactivated, (await host.Sessions.FindAsync("ada-web"))!.State);
        Assert.Contains(host.Logs.GetSnapshot(), l => l.Id.Name == "SessionEndedUserDeactivated");

        // Nothing is sent for an ended session; Weavr (the sandbox) refuses the user's sign-in from now on.
        var ended = await Assert.ThrowsAsync<WeavrSessionStateException>(() => web.GetAuthenticationFactorsAsync());
        Assert.Equal(WeavrSessionState.Deactivated, ended.State);
        await Assert.ThrowsAsync<Errors.WeavrForbiddenException>(() => host.Sessions.SignInWithPasswordAsync("ada-web", Email, SandboxUser.DefaultPassword));
        Assert.NotNull(await other.GetAuthenticationFactorsAsync());
    }

    [Fact]
    public async Task DeactivationWebhook_RedeliveredWithTheSameCallRef_IsADuplicateAndChangesNothing()
    {
        await using var host = await EndToEndHost.StartAsync(b => b.WithUser(u => u.Email(Email)));
        await host.Sessions.SignInWithPasswordAsync("ada", Email, SandboxUser.DefaultPassword);
        var delivery = await host.Sandbox.DeactivateUserAsync(Email, "ACCOUNT_CLOSURE").WaitAsync(EndToEndHost.HangGuard);
        var receiver = host.App.Services.GetRequiredService<WeavrWebhookReceiver>();

        var again = await receiver.ReceiveAsync(
            delivery.Path,
            new WeavrWebhookHeaders { CallRef = delivery.CallRef, PublishedTimestamp = delivery.PublishedTimestamp, SignatureV2 = delivery.SignatureV2 },
            System.Text.Encoding.UTF8.GetBytes(delivery.Body));

        Assert.Equal((WebhookRejectionReason.Replayed, 204), (again.RejectionReason, again.RecommendedStatusCode));
        Assert.IsType<UserDeactivatedEvent>(again.Event);
    }
}
