using AuthClient.DependencyInjection;
using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthClient.Samples;

/// <summary>
/// The remote mode: the webhook-free part of the journey against a real Weavr environment (or the standalone
/// sandbox), with the same session API the embedded mode uses. Nothing here needs a public webhook URL.
/// </summary>
internal static class RemoteJourney
{
    private const string UserKey = "console-user";

    /// <param name="remote">Where and as whom.</param>
    /// <param name="journey">The journey to report steps to.</param>
    /// <param name="configureServices">Runs after the registrations below (a test swaps the clock or the logging here).</param>
    /// <param name="ct">Stops the journey.</param>
    public static async Task RunAsync(RemoteOptions remote, Journey journey, Action<IServiceCollection>? configureServices, CancellationToken ct)
    {
        // 0. Register AuthClient with sessions, as your backend would. The front end types the SMS code given by --otp.
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Polly", LogLevel.None));
        services.AddSingleton<IOtpCodeProvider>(new FrontEndOtpCodeProvider(remote.Otp));
        services.AddAuthClient(o =>
        {
            o.Weavr.BaseUrl = remote.BaseUrl;
            o.Weavr.ApiKey = remote.ApiKey.Reveal();
        }).AddSessions(o => o.StepUpMethod = StepUpMethod.Otp);
        configureServices?.Invoke(services);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<IOptions<AuthClientOptions>>().Value; // a bad URL fails here, before step 1
        var sessions = provider.GetRequiredService<IWeavrSessionRegistry>();
        journey.Note($"Weavr  {remote.BaseUrl} (api key, password and codes are not shown)");
        try
        {
            await RunStepsAsync(remote, journey, sessions, ct);
        }
        finally
        {
            await LogOutIfSignedInAsync(sessions);
        }
    }

    private static async Task RunStepsAsync(RemoteOptions remote, Journey journey, IWeavrSessionRegistry sessions, CancellationToken ct)
    {

        // 1. Password login: Access with one identity, Authenticated with several.
        var session = await journey.StepAsync("Password login", async step =>
        {
            var signedIn = await sessions.SignInWithPasswordAsync(UserKey, remote.Email, remote.Password.Reveal(), ct);
            step.Info($"{remote.Email}: {Display.Of(signedIn)}, credential {Display.Of(signedIn.Credential)}");
            step.Require(signedIn.State != WeavrSessionState.PasswordExpired, "The password has expired: change it (the embedded mode shows how) and run again.");
            return signedIn;
        });

        // 2. The identities the user can act as.
        await journey.StepAsync("Identities", step =>
        {
            foreach (var identity in session.Identities)
            {
                step.Info(Display.Of(identity));
            }

            step.Require(session.Identities.Count > 0, "The user has no identity.");
            return Task.CompletedTask;
        });

        // 3. An ACCESS token for the first identity (already there when the user has exactly one).
        await journey.StepAsync("Access token (first identity)", async step =>
        {
            if (session.IsIdentitySelectionRequired)
            {
                await session.SelectIdentityAsync(session.Identities[0].Id, ct);
                step.Info($"several identities: selected {Display.Of(session.Identities[0].Id)}");
            }
            else
            {
                step.Info("one identity: the session exchanged the AUTH token at sign-in");
            }

            step.Require(session.State is WeavrSessionState.Access or WeavrSessionState.SteppedUp, $"Expected an ACCESS token, the session is {session.State}.");
            step.Info(Display.Of(session));
        });

        // 4. The user's authentication factors.
        var factors = await journey.StepAsync("Authentication factors", async step =>
        {
            var list = await session.GetAuthenticationFactorsAsync(ct);
            step.Info(list.Count == 0 ? "none" : string.Join(", ", list.Select(Display.Of)));
            return list;
        });

        // 5. Enrol SMS OTP unless it is already active: Weavr texts a code, the front end types it.
        await journey.StepAsync("SMS OTP enrolment", async step =>
        {
            if (factors.Any(f => f.Channel == ScaChannel.Sms && f.Status == ScaFactorStatus.Active))
            {
                step.Info("skipped: SMS is already ACTIVE");
                return;
            }

            var enrolled = await session.EnrolSmsOtpAsync(ct);
            step.Require(enrolled, "SMS enrolment");
            step.Info($"code sent by SMS, typed by the front end ({enrolled.CodeAttempts} attempt(s)): {enrolled.Outcome}");
            var sms = (await session.GetAuthenticationFactorsAsync(ct)).FirstOrDefault(f => f.Channel == ScaChannel.Sms);
            step.Require(sms?.Status == ScaFactorStatus.Active, "SMS is not ACTIVE after the enrolment.");
            step.Info($"factor now {Display.Of(sms!)}");
        });

        // 6. Step up the ACCESS token with an SMS OTP.
        await journey.StepAsync("OTP step-up", async step =>
        {
            var stepUp = await session.StepUpWithOtpAsync(ct);
            step.Require(stepUp, "The OTP step-up");
            step.Info($"{stepUp.Outcome} on {stepUp.Channel} ({stepUp.CodeAttempts} code(s) asked, request-ref {stepUp.RequestRef ?? "-"})");
            step.Info(Display.Of(session));
            step.Require(session.State == WeavrSessionState.SteppedUp, $"Expected SteppedUp, the session is {session.State}.");
        });

        // 7. Log out: the token is revoked; the session refuses further calls without sending them.
        await journey.StepAsync("Logout", async step =>
        {
            await session.LogoutAsync(ct);
            step.Require(session.State == WeavrSessionState.LoggedOut, $"Expected LoggedOut, the session is {session.State}.");
            step.Info($"{session.State}; the registry forgot the session: {await sessions.FindAsync(UserKey, ct) is null}");
        });
    }

    // After a failed step, do not leave a live token behind on a real environment: best effort, quietly.
    private static async Task LogOutIfSignedInAsync(IWeavrSessionRegistry sessions)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            if (await sessions.FindAsync(UserKey, limit.Token) is { State: not WeavrSessionState.LoggedOut } session)
            {
                await session.LogoutAsync(limit.Token);
            }
        }
        catch (Exception ex) when (ex is AuthClientException or OperationCanceledException)
        {
            // The journey's failure has been reported already; a failed clean-up changes nothing.
        }
    }
}
