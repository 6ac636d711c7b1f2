using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Benchmarks;

/// <summary>The measured journey through the SDK: password login → identities → ACCESS token → SMS OTP step-up (challenge + verify).</summary>
internal static class SdkJourney
{
    public const string Email = "bench@example.com";
    public const string Password = "Passw0rd!";
    public const string OtpCode = "123456";

    /// <summary>Runs the five calls; any failure throws, so a broken journey cannot be measured as fast.</summary>
    public static async Task RunAsync(IWeavrAuthClient client)
    {
        var login = await client.LoginWithPasswordAsync(Email, Password).ConfigureAwait(false);
        var auth = WeavrCallOptions.WithToken(login.Value.Token);
        var identities = await client.GetIdentitiesAsync(options: auth).ConfigureAwait(false);
        var access = await client.RequestAccessTokenAsync(identities.Value.Identities[0].Id, auth).ConfigureAwait(false);
        var session = WeavrCallOptions.WithToken(access.Value.Token);
        await client.StartOtpStepUpAsync(ScaChannel.Sms, session).ConfigureAwait(false);
        await client.VerifyOtpStepUpAsync(ScaChannel.Sms, OtpCode, session).ConfigureAwait(false);
    }
}
