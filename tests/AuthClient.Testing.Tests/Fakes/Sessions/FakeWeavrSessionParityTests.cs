using AuthClient.Sessions;
using AuthClient.Testing.Fakes.Sessions;
using AuthClient.Testing.Tests.Sessions;
using AuthClient.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AuthClient.Testing.Tests.Fakes.Sessions;

/// <summary>The same script against the real session (SDK + emulator) and the fake: the same states, transitions and errors.</summary>
public sealed class FakeWeavrSessionParityTests
{
    [Fact]
    public async Task SignIn_StepUp_Idle_Expiry_SignIn_Logout_MatchTheRealSession()
    {
        // The emulator-backed real session steps up with SMS OTP (code 123456), the fake's default method too.
        await using var h = await SandboxSessionStepUpReplayTests.SessionSandbox.StartAsync();
        var real = await h.Sessions.GetOrCreateAsync("u");

        var realTrace = await RunScriptAsync(real, h.Time);
        var fakeTrace = await RunScriptAsync(new FakeWeavrSession("u", h.Time), h.Time);

        Assert.Equal(realTrace, fakeTrace);
        Assert.Contains("Expired → WeavrSessionExpiredException", realTrace);
    }

    /// <summary>Writes down every state change, result and error type the session produces.</summary>
    private static async Task<List<string>> RunScriptAsync(IWeavrSession session, FakeTimeProvider time)
    {
        var trace = new List<string>();
        session.StateChanged += (_, e) => trace.Add($"{e.PreviousState} → {e.State}");
        async Task Step(Func<Task<string>> step)
        {
            try
            {
                trace.Add(await step());
            }
            catch (Exception ex)
            {
                trace.Add($"{session.State} → {ex.GetType().Name}");
            }
        }

        await Step(async () => $"signed in: {await session.SignInWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword)}");
        await Step(async () => $"step-up: {(await session.StepUpAsync()).Outcome}, {session.TokenStatus}");
        await Step(async () => $"step-up again: {(await session.StepUpAsync()).Outcome}");
        time.Advance(TimeSpan.FromMinutes(5));
        await Step(async () => $"factors: {(await session.GetAuthenticationFactorsAsync()).Count}");
        await Step(async () => $"signed in: {await session.SignInWithPasswordAsync(TestUsers.Sms, SandboxUser.DefaultPassword)}");
        await Step(async () =>
        {
            await session.LogoutAsync();
            return $"logged out: {session.State}, token {session.Token is null}";
        });
        await Step(async () => $"step-up: {(await session.StepUpAsync()).Outcome}");
        return trace;
    }
}
