using System.Net;
using AuthClient.Primitives;
using AuthClient.Testing.Internal;
using AuthClient.Testing.Tests.Support;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Testing.Tests.Webhooks;

/// <summary>Webhooks delivered in memory: through the caller's handler or HttpClient (a TestServer's), not a socket.</summary>
public sealed class WebhookTargetTests
{
    private static readonly Uri InMemoryUrl = new("http://localhost/webhooks/weavr");

    [Fact]
    public async Task DeliverWebhooksTo_Handler_PostsTheSignedWebhookThroughIt_AndRecordsItsAnswerAndTheTypedEvent()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        using var handler = new RecordingHandler(HttpStatusCode.NoContent);
        h.Sandbox.DeliverWebhooksTo(handler, InMemoryUrl);
        var login = await h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        var delivery = await h.Sandbox.ApproveAsync(login.Value.ChallengeId);

        var (url, headers, body) = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("http://localhost/webhooks/weavr/stepup/watch"), url);
        Assert.Equal((url, 204, true), (delivery.Url, delivery.StatusCode, delivery.Delivered));
        Assert.True(WeavrWebhookSigner.Verify(h.Sandbox.ApiKey, headers["call-ref"], body, headers["published-timestamp"], headers["signature-v2"]));
        var stepUp = Assert.IsType<StepUpEvent>(delivery.Event);
        Assert.Equal((login.Value.ChallengeId, WebhookChallengeStatus.Verified), (stepUp.ChallengeId, stepUp.Status));
        Assert.False(stepUp.AuthToken!.IsEmpty);
        Assert.Contains(stepUp.AuthToken.Reveal(), delivery.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithWebhookClient_RelativeUrl_IsResolvedAgainstTheClientsBaseAddress()
    {
        using var handler = new RecordingHandler(HttpStatusCode.Unauthorized);
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://app.test/") };
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers().WithWebhookClient(client, new Uri("/hooks", UriKind.Relative)));
        var login = await h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        var delivery = await h.Sandbox.DeclineAsync(login.Value.ChallengeId);

        Assert.Equal(new Uri("http://app.test/hooks/stepup/watch"), Assert.Single(handler.Requests).Url);
        Assert.Equal((new Uri("http://app.test/hooks/stepup/watch"), 401, false), (delivery.Url, delivery.StatusCode, delivery.Delivered));
        Assert.Equal(WebhookChallengeStatus.Declined, Assert.IsType<StepUpEvent>(delivery.Event).Status);
    }

    [Fact]
    public async Task DeliverWebhooksTo_Client_AfterStart_PostsThroughItWithAnAbsoluteUrl()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        using var handler = new RecordingHandler();
        using var client = new HttpClient(handler);
        h.Sandbox.DeliverWebhooksTo(client, InMemoryUrl);
        var login = await h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        var delivery = await h.Sandbox.ApproveAsync(login.Value.ChallengeId);

        Assert.Equal(new Uri("http://localhost/webhooks/weavr/stepup/watch"), Assert.Single(handler.Requests).Url);
        Assert.Equal((InMemoryUrl, true), (h.Sandbox.WebhookUrl, delivery.Delivered));
    }

    [Fact]
    public async Task DeliverWebhooksTo_HandlerThatThrows_RecordsTheFailureInsteadOfThrowing()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        using var handler = new RecordingHandler(failure: new InvalidOperationException("the app under test failed"));
        h.Sandbox.DeliverWebhooksTo(handler, InMemoryUrl);
        var login = await h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        var delivery = await h.Sandbox.ExpireAsync(login.Value.ChallengeId);

        Assert.Equal(("the app under test failed", (int?)null, false), (delivery.Error, delivery.StatusCode, delivery.Delivered));
        Assert.Same(delivery, Assert.Single(h.Sandbox.WebhookDeliveries));
    }

    [Fact]
    public async Task WebhookUrl_SetAfterAHandler_SwitchesBackToASocket()
    {
        await using var h = await SandboxHarness.StartAsync(b => b.WithTestUsers());
        using var handler = new RecordingHandler();
        using var receiver = new WebhookReceiver();
        h.Sandbox.DeliverWebhooksTo(handler, InMemoryUrl);
        h.Sandbox.WebhookUrl = receiver.Url;
        var login = await h.Client.LoginViaBiometricsAsync(TestUsers.Biometric);

        var delivery = await h.Sandbox.ApproveAsync(login.Value.ChallengeId);

        Assert.Equal("/stepup/watch", (await receiver.NextAsync()).Path);
        Assert.Empty(handler.Requests);
        Assert.True(delivery.Delivered);
    }

    [Fact]
    public void Targets_ThatCannotBeReached_AreRefusedUpFront()
    {
        using var handler = new RecordingHandler();
        using var noBase = new HttpClient(handler);
        var relative = new Uri("/webhooks/weavr", UriKind.Relative);

        Assert.Equal("webhookUrl", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithWebhookHandler(handler, relative)).ParamName);
        Assert.Equal("webhookUrl", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithWebhookClient(noBase, relative)).ParamName);
        Assert.Equal("webhookUrl", Assert.Throws<ArgumentException>(() => new SandboxBuilder().WithWebhookUrl(relative)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new SandboxBuilder().WithWebhookHandler(null!, InMemoryUrl));
    }

    [Fact]
    public async Task Delivery_ToString_ShowsTheEventButNeverTheAuthTokenOrSignature()
    {
        const string Canary = "auth-token-canary-7f3a";
        using var dispatcher = new WebhookDispatcher("k", target: null);

        var delivery = await dispatcher.DeliverAsync(
            new StepUpEvent
            {
                CallRef = "c1",
                PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(1767225600123),
                ChallengeId = "9",
                Type = StepUpEventTypes.Biometric,
                Status = WebhookChallengeStatus.Verified,
                Credential = new CredentialId(CredentialType.Root, "42"),
                AuthToken = new Secret(Canary),
            },
            CancellationToken.None);

        Assert.Contains(Canary, delivery.Body, StringComparison.Ordinal);
        Assert.Equal(Canary, Assert.IsType<StepUpEvent>(delivery.Event).AuthToken!.Reveal());
        var text = delivery.ToString();
        Assert.Contains("ChallengeId = 9", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
        Assert.DoesNotContain(delivery.SignatureV2, text, StringComparison.Ordinal);
    }
}
