using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AuthClient.Tests.Support;

/// <summary>An OTP step-up verification Weavr answers 503 then 204: one logical call, two attempts, one retry delay.</summary>
internal static class RetriedVerifyCall
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    public static void Stub(WireMockServer server)
    {
        server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .InScenario("retry").WillSetStateTo("second").RespondWith(Response.Create().WithStatusCode(503));
        server.Given(Request.Create().WithPath("/multi/stepup/challenges/otp/SMS/verify").UsingPost())
            .InScenario("retry").WhenStateIs("second").WillSetStateTo("second").RespondWith(Response.Create().WithStatusCode(204).WithHeader("request-ref", "rr-verify"));
    }

    /// <summary>Sends the call, waits until it waits out the retry delay, moves the clock past it and awaits the answer.</summary>
    public static async Task RunAsync(IWeavrAuthClient weavr, TimerRecordingTimeProvider time)
    {
        var call = weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, "123456", WeavrCallOptions.WithToken(new Secret("ops-bearer-token")));
        await time.WaitForTimerAsync(BaseDelay);
        time.Advance(BaseDelay);
        await call;
    }
}
