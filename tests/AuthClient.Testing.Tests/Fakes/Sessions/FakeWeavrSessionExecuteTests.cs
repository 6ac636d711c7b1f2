using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Fakes.Sessions;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Testing.Tests.Fakes.Sessions;

/// <summary>Secured calls through the fake session: the token passed in, step-up on STEP_UP_REQUIRED, typed failures.</summary>
public sealed class FakeWeavrSessionExecuteTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Execute_StepUpRequired_StepsUpAndReplaysOnceWithTheSameIdempotencyRef()
    {
        var weavr = new FakeWeavrAuthClient();
        weavr.OnUnlinkPush = (_, _) => weavr.Calls.Count == 1 ? throw WeavrErrors.StepUpRequired() : WeavrResults.NoContent();
        IWeavrSession session = new FakeWeavrSession("user-1", _time) { Client = weavr };
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        await session.ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(ScaChannel.Authy, options, ct), "ref-1");

        var calls = weavr.CallsTo(WeavrOperation.UnlinkPush);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(("ref-1", session.Token), (c.IdempotencyRef, c.Token)));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
    }

    [Fact]
    public async Task Execute_StepUpDeclined_ThrowsStepUpFailed_WithTheResult()
    {
        var weavr = new FakeWeavrAuthClient { OnUnlinkPush = (_, _) => throw WeavrErrors.StepUpRequired() };
        var session = new FakeWeavrSession("user-1", _time) { Client = weavr, OnStepUp = _ => ChallengeOutcome.Declined };
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        var ex = await Assert.ThrowsAsync<WeavrStepUpFailedException>(() =>
            ((IWeavrSession)session).ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(ScaChannel.Authy, options, ct)));

        Assert.Equal(ChallengeOutcome.Declined, ex.Result.Outcome);
        Assert.Single(weavr.Calls);
    }

    [Fact]
    public async Task Execute_Unauthorized_ExpiresTheSession()
    {
        var weavr = new FakeWeavrAuthClient { OnGetAuthenticationFactors = _ => throw WeavrErrors.Unauthorized() };
        var session = new FakeWeavrSession("user-1", _time) { Client = weavr };
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        var ex = await Assert.ThrowsAsync<WeavrSessionExpiredException>(() =>
            ((IWeavrSession)session).ExecuteAsync((client, options, ct) => client.GetAuthenticationFactorsAsync(options, ct)));

        Assert.IsType<WeavrUnauthorizedException>(ex.InnerException);
        Assert.Equal(WeavrSessionState.Expired, session.State);
    }

    [Fact]
    public async Task Execute_WithoutAClient_SaysWhatToSet()
    {
        IWeavrSession session = new FakeWeavrSession("user-1", _time);
        await session.SignInWithPasswordAsync("ada@example.com", "pw");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => session.ExecuteAsync((client, options, ct) => client.GetAuthenticationFactorsAsync(options, ct)));

        Assert.Contains("FakeWeavrSession.Client", ex.Message, StringComparison.Ordinal);
    }
}
