using AuthClient.Sessions;
using AuthClient.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

public sealed class PendingChallengeRegistryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly PendingChallengeRegistry _registry;

    public PendingChallengeRegistryTests() =>
        _registry = new PendingChallengeRegistry(_time, Options.Create(new WeavrSessionOptions { EarlyEventRetention = TimeSpan.FromMinutes(1) }));

    [Fact]
    public async Task HandleAsync_EventForAWaiter_CompletesItAndUnregisters()
    {
        using (var waiter = _registry.ExpectStepUp("1"))
        {
            var wait = waiter.WaitAsync(Wait, CancellationToken.None);
            Assert.False(wait.IsCompleted);
            await _registry.HandleAsync(StepUp("1", WebhookChallengeStatus.Verified), CancellationToken.None);

            Assert.Equal(WebhookChallengeStatus.Verified, (await wait).Status);
        }

        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public async Task HandleAsync_DuplicateDelivery_FirstOneWinsAndNothingThrows()
    {
        using var waiter = _registry.ExpectStepUp("2");
        await _registry.HandleAsync(StepUp("2", WebhookChallengeStatus.Declined), CancellationToken.None);
        await _registry.HandleAsync(StepUp("2", WebhookChallengeStatus.Declined), CancellationToken.None);
        await _registry.HandleAsync(StepUp("2", WebhookChallengeStatus.Verified), CancellationToken.None);

        Assert.Equal(WebhookChallengeStatus.Declined, (await waiter.WaitAsync(Wait, CancellationToken.None)).Status);
        Assert.Equal(1, _registry.Count);
    }

    [Fact]
    public async Task HandleAsync_EventBeforeTheWaiter_IsHandedOverWithinTheRetention()
    {
        await _registry.HandleAsync(StepUp("3", WebhookChallengeStatus.Verified), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));

        using var waiter = _registry.ExpectStepUp("3");

        Assert.Equal(WebhookChallengeStatus.Verified, (await waiter.WaitAsync(Wait, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task HandleAsync_UnclaimedEvent_IsForgottenAfterTheRetention()
    {
        await _registry.HandleAsync(StepUp("4", WebhookChallengeStatus.Verified), CancellationToken.None);
        Assert.Equal(1, _registry.Count);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _registry.HandleAsync(StepUp("5", WebhookChallengeStatus.Verified), CancellationToken.None);
        Assert.Equal(1, _registry.Count);

        using var waiter = _registry.ExpectStepUp("4");
        var wait = waiter.WaitAsync(Wait, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        _time.Advance(Wait);

        await Assert.ThrowsAsync<TimeoutException>(() => wait);
    }

    [Fact]
    public async Task HandleAsync_OtherEvents_AreIgnored()
    {
        await _registry.HandleAsync(new LoginEvent { CallRef = "c", PublishedAt = Start, Type = "PASSWORD", Status = WebhookChallengeStatus.Verified }, CancellationToken.None);
        await _registry.HandleAsync(StepUp(string.Empty, WebhookChallengeStatus.Verified), CancellationToken.None);
        await _registry.HandleAsync(new EnrolmentEvent { CallRef = "c", PublishedAt = Start, Type = "AUTHY", Status = AuthClient.Weavr.Models.ScaFactorStatus.Active }, CancellationToken.None);

        Assert.Equal(0, _registry.Count);
        await Assert.ThrowsAsync<ArgumentNullException>(() => _registry.HandleAsync(null!, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ExpectEnrolment_StaleBufferedEvent_IsNotTakenForTheNewEnrolment()
    {
        await _registry.HandleAsync(new EnrolmentEvent { CallRef = "old", PublishedAt = Start, Type = "AUTHY", Status = AuthClient.Weavr.Models.ScaFactorStatus.Inactive, CredentialId = Root77 }, CancellationToken.None);

        using var waiter = _registry.ExpectEnrolment(Root77, AuthClient.Weavr.Models.ScaChannel.Authy);
        var wait = waiter.WaitAsync(Wait, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        await _registry.HandleAsync(new EnrolmentEvent { CallRef = "new", PublishedAt = Start, Type = "AUTHY", Status = AuthClient.Weavr.Models.ScaFactorStatus.Active, CredentialId = Root77 }, CancellationToken.None);

        Assert.Equal("new", (await wait).CallRef);
    }

    [Fact]
    public async Task HandleAsync_EnrolmentEventOfAnotherFactor_KeepsTheWaiterWaiting()
    {
        using var waiter = _registry.ExpectEnrolment(Root77, AuthClient.Weavr.Models.ScaChannel.Authy);
        var wait = waiter.WaitAsync(Wait, CancellationToken.None);

        await _registry.HandleAsync(new EnrolmentEvent { CallRef = "bio", PublishedAt = Start, Type = "BIOMETRIC", Status = AuthClient.Weavr.Models.ScaFactorStatus.Active, CredentialId = Root77 }, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        await _registry.HandleAsync(new EnrolmentEvent { CallRef = "authy", PublishedAt = Start, Type = "authy", Status = AuthClient.Weavr.Models.ScaFactorStatus.Active, CredentialId = Root77 }, CancellationToken.None);

        Assert.Equal("authy", (await wait).CallRef);
    }

    [Fact]
    public async Task WhenAwaitedAsync_CompletesOnlyOnceTheTimeoutIsArmed()
    {
        var awaited = _registry.WhenAwaitedAsync("6");
        using var waiter = _registry.ExpectStepUp("6");
        Assert.False(awaited.IsCompleted);

        var wait = waiter.WaitAsync(Wait, CancellationToken.None);
        await awaited;
        _time.Advance(Wait);

        await Assert.ThrowsAsync<TimeoutException>(() => wait);
    }
}
