using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using static AuthClient.Tests.Sessions.SessionTestHost;

namespace AuthClient.Tests.Sessions;

/// <summary>Replays after a step-up: a refusal under the same ref, a fresh ref, and a stepped-up token refused again.</summary>
public sealed partial class WeavrSessionTests
{
    [Fact]
    public async Task ExecuteAsync_StillStepUpRequiredAfterStepUp_RetriesOnceUnderAFreshRefThenThrows()
    {
        _host.Stub(Delete("/authentication_factors/push/AUTHY"), Json(403, StepUpRequired));
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Status(204));
        var session = await _host.SignInAsync();
        _host.Codes.Enqueue("123456");

        var ex = await Assert.ThrowsAsync<WeavrForbiddenException>(() => session.UnlinkPushAsync(ScaChannel.Authy));

        Assert.True(ex.IsStepUpRequired);
        var refs = _host.Requests("/authentication_factors/push/AUTHY").Select(e => Header(e, "idempotency-ref")).ToList();
        Assert.Equal(3, refs.Count);
        Assert.Equal(refs[0], refs[1]);
        Assert.NotEqual(refs[0], refs[2]);
        Assert.Single(_host.Requests("/stepup/challenges/otp/SMS/verify"));
    }

    [Fact]
    public async Task ExecuteAsync_ReplayRefusedUnderTheSameRef_SucceedsUnderAFreshRef()
    {
        using var host = new SessionTestHost(captureLogs: true);
        // Weavr remembering the refusal under its ref: after the step-up, "my-ref" still answers 403, any other ref runs.
        host.StubSmsStepUp();
        host.Stub(Delete("/authentication_factors/push/AUTHY"), Json(403, StepUpRequired), state: "standard");
        host.Server.Given(Delete("/authentication_factors/push/AUTHY").WithHeader("idempotency-ref", "my-ref")).AtPriority(1)
            .InScenario(SessionTestHost.Scenario).WhenStateIs("stepped-up").WillSetStateTo("stepped-up").RespondWith(Json(403, StepUpRequired));
        host.Server.Given(Delete("/authentication_factors/push/AUTHY")).AtPriority(2)
            .InScenario(SessionTestHost.Scenario).WhenStateIs("stepped-up").WillSetStateTo("stepped-up").RespondWith(Status(204));
        var session = await host.SignInAsync();
        host.SetState("standard");
        host.Codes.Enqueue("123456");

        var response = await session.ExecuteAsync((client, options, ct) => client.UnlinkPushAsync(ScaChannel.Authy, options, ct), "my-ref");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        var refs = host.Requests("/authentication_factors/push/AUTHY").Select(e => Header(e, "idempotency-ref")).ToList();
        Assert.Equal(["my-ref", "my-ref"], refs.Take(2));
        Assert.Equal(3, refs.Count);
        Assert.Equal(refs[2], response.IdempotencyRef);
        Assert.NotEqual("my-ref", response.IdempotencyRef);
        Assert.Single(host.Requests("/stepup/challenges/otp/SMS/verify"));
        Assert.Equal(WeavrSessionState.SteppedUp, session.State);
        var log = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 203);
        Assert.Equal("SessionStepUpReplayRefused", log.Id.Name);
        Assert.DoesNotContain("access-1", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_SteppedUpTokenRefused_StepsUpAgain()
    {
        _host.Stub(Post("/stepup/challenges/otp/SMS"), Status(204));
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Status(204), state: "standard", next: "stepped-up");
        _host.Stub(Delete("/authentication_factors/push/AUTHY"), Json(403, StepUpRequired), state: "stepped-up", next: "refused");
        _host.Stub(Post("/stepup/challenges/otp/SMS/verify"), Status(204), state: "refused", next: "accepted");
        _host.Stub(Delete("/authentication_factors/push/AUTHY"), Status(204), state: "accepted");
        var session = await _host.SignInAsync();
        _host.SetState("standard");
        _host.Codes.Enqueue("123456", "123456");
        Assert.True((await session.StepUpAsync()).Succeeded);
        var transitions = Record(session);

        await session.UnlinkPushAsync(ScaChannel.Authy);

        Assert.Equal(["SteppedUp>Access", "Access>SteppedUp"], transitions);
        Assert.Equal(2, _host.Requests("/stepup/challenges/otp/SMS/verify").Count);
    }
}
