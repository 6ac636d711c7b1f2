using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>The three measured calls through the SDK, and the fan-out that runs a round of them from N concurrent callers.</summary>
internal static class LoopbackCalls
{
    /// <summary>Login → identities → OTP verify through <see cref="IWeavrAuthClient"/>; any failure throws.</summary>
    public static async Task RunSdkAsync(IWeavrAuthClient client)
    {
        var login = await client.LoginWithPasswordAsync(SdkJourney.Email, SdkJourney.Password).ConfigureAwait(false);
        var options = WeavrCallOptions.WithToken(login.Value.Token);
        var identities = await client.GetIdentitiesAsync(options: options).ConfigureAwait(false);
        _ = identities.Value.Identities[0];
        await client.VerifyOtpStepUpAsync(ScaChannel.Sms, SdkJourney.OtpCode, options).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="rounds"/> rounds split evenly over <paramref name="callers"/> concurrent callers.</summary>
    public static Task FanOutAsync(int callers, int rounds, Func<Task> round)
    {
        var perCaller = rounds / callers;
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            tasks[c] = Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    await round().ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(tasks);
    }
}
