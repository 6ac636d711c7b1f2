#region fake-session-registry-unit-test
using AuthClient.Samples.ConsumerTests.App;
using AuthClient.Sessions;
using AuthClient.Testing.Fakes.Sessions;

namespace AuthClient.Samples.ConsumerTests.UnitTests;

/// <summary>Unit tests of app code that depends on sessions, with a <see cref="FakeWeavrSessionRegistry"/>: no server.</summary>
public sealed class PayeeApprovalServiceTests
{
    private readonly FakeWeavrSessionRegistry _sessions = new();

    [Fact]
    public async Task ApproveAsync_UserDeclinesTheStepUp_IsRefused()
    {
        var session = _sessions.Add(new FakeWeavrSession("u-1") { OnStepUp = _ => ChallengeOutcome.Declined });
        await session.SignInWithPasswordAsync("ada@example.com", "Passw0rd!");

        var approval = await new PayeeApprovalService(_sessions).ApproveAsync("u-1");

        Assert.Equal((PayeeApproval.Refused, WeavrSessionState.Access), (approval, session.State));
    }

    [Fact]
    public async Task ApproveAsync_UserPassesTheStepUp_IsApproved()
    {
        var session = await _sessions.SignInWithPasswordAsync("u-1", "ada@example.com", "Passw0rd!");

        var approval = await new PayeeApprovalService(_sessions).ApproveAsync("u-1");

        Assert.Equal((PayeeApproval.Approved, WeavrSessionState.SteppedUp), (approval, session.State));
    }

    [Fact]
    public async Task ApproveAsync_SessionExpiredOrMissing_AsksToSignIn()
    {
        var session = _sessions.Add(new FakeWeavrSession("u-1"));
        await session.SignInWithPasswordAsync("ada@example.com", "Passw0rd!");
        session.ExpireNow();

        Assert.Equal(PayeeApproval.SignInRequired, await new PayeeApprovalService(_sessions).ApproveAsync("u-1"));
        Assert.Equal(PayeeApproval.SignInRequired, await new PayeeApprovalService(_sessions).ApproveAsync("u-2"));
        Assert.DoesNotContain(session.Calls, c => c.Operation == nameof(IWeavrSession.StepUpAsync));
    }
}
#endregion
