using System.Globalization;
using AuthClient.Sessions;
using AuthClient.Transmit.DeviceKeys;
using AuthClient.Transmit.Models;
using AuthClient.Weavr.Models;
using static AuthClient.Samples.DemoUsers;

namespace AuthClient.Samples;

/// <summary>
/// The embedded mode's journey, step by step: everything AuthClient is for, against the emulator, through a real
/// backend. Program.cs runs it; the canary test runs the same code with every log at Trace.
/// </summary>
internal static class EmbeddedJourney
{
    public static async Task RunAsync(Journey journey, EmbeddedEnvironmentHooks? hooks, CancellationToken ct)
    {
        // 0. Start the emulator (Weavr, Transmit and the user's phone) and your backend: AuthClient with sessions and the
        //    webhook receiver, on Kestrel. The emulator POSTs its signed webhooks to the receiver over HTTP.
        await using var env = await EmbeddedEnvironment.StartAsync(hooks, ct);
        hooks?.Started?.Invoke(env);
        var sessions = env.Sessions;
        journey.Note($"Weavr emulator     {env.Sandbox.WeavrBaseUrl}");
        journey.Note($"Transmit emulator  {env.Sandbox.TransmitBaseUrl}");
        journey.Note($"Webhook receiver   {env.WebhookUrl} (signature-v2 checked with the api key)");

        // 1. Password login. Jane has two identities, so the session stops at Authenticated, holding an AUTH token.
        var jane = await journey.StepAsync("Password login", async step =>
        {
            var session = await sessions.SignInWithPasswordAsync(Jane.UserKey, Jane.Email, Jane.Password, ct);
            step.Info($"{Jane.Email}: {Display.Of(session)}, credential {Display.Of(session.Credential)}");
            step.Require(session.State == WeavrSessionState.Authenticated, $"Expected Authenticated, the session is {session.State}.");
            return session;
        });

        // 2. The identities listed at sign-in (GET /identities with the AUTH token).
        await journey.StepAsync("Identities", step =>
        {
            foreach (var identity in jane.Identities)
            {
                step.Info(Display.Of(identity));
            }

            step.Require(jane.IsIdentitySelectionRequired, "Expected a choice between several identities.");
            return Task.CompletedTask;
        });

        // 3. Choose the consumer identity: the AUTH token is exchanged for an ACCESS token (status STANDARD).
        await journey.StepAsync("Access token", async step =>
        {
            await jane.SelectIdentityAsync(Jane.Consumer, ct);
            step.Info(Display.Of(jane));
            step.Require(jane.State == WeavrSessionState.Access, $"Expected Access, the session is {jane.State}.");
        });

        // 4. Enrol SMS OTP: Weavr texts a code to the user's mobile.
        await journey.StepAsync("Enrol SMS OTP", async step =>
        {
            var started = await jane.StartSmsOtpEnrolmentAsync(ct);
            step.Require(started.Outcome == ChallengeOutcome.Sent, $"Expected the code to be sent, got {started.Outcome}.");
            step.Info($"code sent by SMS (request-ref {started.RequestRef ?? "-"})");
        });

        // 5. The user types the code in your front end (the IOtpCodeProvider plays it); the backend verifies it.
        await journey.StepAsync("Verify the SMS code", async step =>
        {
            var code = await env.FrontEnd.GetCodeAsync(
                new OtpCodeRequest { UserKey = Jane.UserKey, Channel = ScaChannel.Sms, Purpose = OtpPurpose.Enrolment, Attempt = 1 }, ct);
            var verified = await jane.VerifySmsOtpEnrolmentAsync(code!.Reveal(), ct);
            step.Require(verified, "The SMS enrolment");
            step.Info($"the front end sent the code (not shown): {verified.Outcome}");
        });

        // 6. List the factors: SMS is now active beside Authy and biometrics.
        await journey.StepAsync("Authentication factors", async step =>
        {
            var factors = await jane.GetAuthenticationFactorsAsync(ct);
            step.Info(string.Join(", ", factors.Select(Display.Of)));
            step.Require(factors.Any(f => f.Channel == ScaChannel.Sms && f.Status == ScaFactorStatus.Active), "SMS is not ACTIVE.");
        });

        // 7. Step up with an SMS OTP: the session sends the challenge and asks the front end for the code.
        await journey.StepAsync("OTP step-up", async step =>
        {
            var asked = env.FrontEnd.Requests.Count;
            var stepUp = await jane.StepUpWithOtpAsync(ct);
            step.Require(stepUp, "The OTP step-up");
            step.Info($"challenge sent by SMS, code typed by the front end ({env.FrontEnd.Requests.Count - asked} asked): {stepUp.Outcome}");
            step.Info(Display.Of(jane));
            step.Require(jane.State == WeavrSessionState.SteppedUp, $"Expected SteppedUp, the session is {jane.State}.");
        });

        // 8. Push step-up on a fresh (STANDARD) login: Weavr pushes to the Authy app, the user approves on the phone, and
        //    Weavr's signed /stepup/watch webhook reaches the receiver over HTTP, which completes the session's challenge.
        await journey.StepAsync("Push step-up approved through a signed webhook", async step =>
        {
            await SignInAgainAsync(jane, step, ct);
            var (stepUp, challenge, delivery) = await env.ApproveOnPhoneAsync(Jane.Email, jane.StepUpWithPushAsync(ScaChannel.Authy, cancellationToken: ct), ct);
            ReportPushApproval(step, challenge, delivery);
            step.Require(stepUp, "The push step-up");
            step.Info($"session: {stepUp.Outcome}, {Display.Of(jane)}");
            step.Require(jane.State == WeavrSessionState.SteppedUp, $"Expected SteppedUp, the session is {jane.State}.");
        });

        // 9. Automatic step-up: unlinking a push device needs a stepped-up token. On a fresh STANDARD token Weavr answers
        //    403 STEP_UP_REQUIRED; the session steps up (SMS OTP, code from the front end) and replays the call once.
        await journey.StepAsync("Automatic step-up on a protected call", async step =>
        {
            await SignInAgainAsync(jane, step, ct);
            var asked = env.FrontEnd.Requests.Count;
            var unlinked = await jane.UnlinkPushAsync(ScaChannel.Authy, ct);
            var calls = env.Sandbox.RequestLog.Where(e => e.Method == "DELETE" && e.Path.EndsWith("/authentication_factors/push/AUTHY", StringComparison.Ordinal)).ToList();
            step.Require(calls is [{ StatusCode: 403 }, { StatusCode: 204 }], $"Expected DELETE 403 then 204, saw {string.Join(", ", calls.Select(c => c.StatusCode))}.");
            step.Info($"DELETE /authentication_factors/push/AUTHY -> 403 STEP_UP_REQUIRED (request-ref {calls[0].RequestRef})");
            step.Info($"step-up performed: SMS OTP, {env.FrontEnd.Requests.Count - asked} code asked of the front end, session now {jane.State}");
            step.Require(calls[0].Header("idempotency-ref") is { } firstRef && firstRef == calls[1].Header("idempotency-ref"), "The replay did not carry the same idempotency-ref.");
            step.Info($"call replayed with the same idempotency-ref -> {(int)unlinked.StatusCode} (request-ref {unlinked.RequestRef})");
            step.Require(env.Sandbox.GetUser(Jane.Email).GetFactorStatus(ScaChannel.Authy) is null, "Authy is still linked.");
        });

        // 10. Biometric login: no password. Weavr pushes to the phone, the user approves with a fingerprint, and the signed
        //     webhook carries a fresh AUTH token; the session exchanges it for an ACCESS token that is already stepped up.
        await journey.StepAsync("Biometric login", async step =>
        {
            var (login, challenge, delivery) = await env.ApproveOnPhoneAsync(
                Jane.Email, sessions.SignInWithBiometricsAsync(Jane.UserKey, Jane.Email, Jane.Consumer, cancellationToken: ct), ct);
            ReportPushApproval(step, challenge, delivery);
            step.Require(login.Succeeded, $"The biometric login ended {login.Outcome} ({login.ErrorCode ?? "no error code"}).");
            step.Info($"session: {login.Outcome}, {Display.Of(login.Session)}");
            step.Require(login.Session.State == WeavrSessionState.SteppedUp, $"Expected SteppedUp, the session is {login.Session.State}.");
        });

        // 11. Expired password: the login answers 409 with a temporary token that can only change the password.
        var alan = await journey.StepAsync("Expired password update", async step =>
        {
            var session = await sessions.SignInWithPasswordAsync(Alan.UserKey, Alan.Email, Alan.Password, ct);
            step.Info($"{Alan.Email}: {Display.Of(session)}");
            step.Require(session.State == WeavrSessionState.PasswordExpired, $"Expected PasswordExpired, the session is {session.State}.");
            await session.UpdatePasswordAsync(Alan.Password, Alan.NewPassword, ct);
            step.Info($"password updated (not shown): {Display.Of(session)}");
            step.Require(session.State == WeavrSessionState.Access, $"Expected Access, the session is {session.State}.");
            return session;
        });

        // 12. Forgotten password: your backend asks Weavr to e-mail Alan a reset link; the link's nonce comes back with the
        //     new password and resume signs in like a password login. The emulator sends no e-mail: its links all carry
        //     the sandbox's fixed nonce (printed by the sandbox host, like the OTP 123456).
        await journey.StepAsync("Forgotten password", async step =>
        {
            var started = await env.Weavr.StartLostPasswordAsync(Alan.Email, ct);
            step.Info($"reset link e-mailed to {Alan.Email} ({(int)started.StatusCode}, request-ref {started.RequestRef ?? "-"})");
            var nonce = new AuthClient.Testing.SandboxRules().LostPasswordNonce; // in production: from the link the user opened
            var state = await alan.ResumeLostPasswordAsync(Alan.Email, nonce, Alan.ResetPassword, ct);
            step.Info($"policy checked, password reset (nonce and password not shown): {Display.Of(alan)}");
            step.Require(state == WeavrSessionState.Access, $"Expected Access, the session is {state}.");
        });

        // 13. One-time token: a short-lived token Weavr issued for Grace's identity is exchanged (api key, no AUTH token)
        //     straight for an ACCESS token. The emulator issues it on request; it works once, for 2 minutes.
        var grace = await journey.StepAsync("One-time token sign-in", async step =>
        {
            var oneTime = env.Sandbox.IssueOneTimeToken(Grace.Email, Grace.Consumer); // in production: handed to your backend by the flow that issued it
            var session = await sessions.SignInWithOneTimeTokenAsync(Grace.UserKey, Grace.Email, Grace.Consumer, oneTime, ct);
            step.Info($"one-time token exchanged (not shown): {Display.Of(session)}");
            step.Require(session.State == WeavrSessionState.Access && session.Identity == Grace.Consumer, $"Expected Access as {Grace.Consumer.Id}, the session is {session.State}.");
            return session;
        });

        // 14. An administrator deactivates Grace: Weavr POSTs the signed user_deactivated webhook (it names her by e-mail
        //     only); the receiver verifies it and every session signed in with that address ends, saying why.
        await journey.StepAsync("User deactivated by webhook", async step =>
        {
            var delivery = await env.Sandbox.DeactivateUserAsync(Grace.Email, "ACCOUNT_SECURITY", ct);
            step.Info($"Weavr -> POST {delivery.Url} (signed, call-ref {delivery.CallRef}) -> {delivery.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? delivery.Error}");
            step.Require(delivery.StatusCode == 204, "The receiver did not accept the webhook.");
            var stored = await sessions.FindAsync(Grace.UserKey, ct);
            step.Info($"session: {grace.State}, token dropped: {grace.Token is null}");
            step.Require(grace.State == WeavrSessionState.Deactivated && stored?.State == WeavrSessionState.Deactivated && grace.Token is null, $"Expected Deactivated, the session is {grace.State}.");
        });

        // 15. Transmit: the app creates a device key pair; your backend registers its public key with the user's token.
        using var device = DeviceKeyPair.Create(DeviceKeyType.Ec);
        await journey.StepAsync("Transmit: register a device key", async step =>
        {
            var userToken = env.Sandbox.Transmit.IssueUserToken(Jane.TransmitUserId); // in production: from your Transmit login
            await env.Transmit.RegisterAsync(userToken, new BiometricsRegisterRequest
            {
                PublicKey = device.PublicKeyPem,
                PublicKeyId = device.PublicKeyId,
                EncryptionType = EncryptionType.FromValue(device.EncryptionType),
                Os = "iOS",
            }, ct);
            step.Require(env.Sandbox.Transmit.GetRegisteredKeys(Jane.TransmitUserId).Any(k => k.PublicKeyId == device.PublicKeyId), "The key is not registered.");
            step.Info($"{device.EncryptionType} public key {device.PublicKeyId} registered for Transmit user {Jane.TransmitUserId}");
        });

        // 16. Start a biometric authentication: Transmit returns a challenge for the device to sign.
        var challenge = await journey.StepAsync("Transmit: start authentication", async step =>
        {
            var started = await env.Transmit.StartAsync(BiometricsStartRequest.ForUser(Jane.TransmitUserId), ct);
            step.Info($"challenge received ({started.Challenge.Length} characters); the app signs it after the biometric prompt");
            return started.Challenge;
        });

        // 17. The device signs the challenge; your backend forwards the signature and receives the user's tokens.
        await journey.StepAsync("Transmit: authenticate with the signed challenge", async step =>
        {
            var tokens = await env.Transmit.AuthenticateAsync(new BiometricsAuthenticateRequest
            {
                UserId = Jane.TransmitUserId,
                Challenge = challenge,
                KeyId = device.PublicKeyId,
                Signature = device.Sign(challenge),
            }, ct);
            step.Require(!tokens.AccessToken.IsEmpty, "No access token.");
            step.Info($"user tokens received (not shown): access token{(tokens.IdToken is null ? string.Empty : ", id token")}{(tokens.RefreshToken is null ? string.Empty : ", refresh token")}; type {tokens.TokenType ?? "-"}, expires in {tokens.ExpiresIn?.ToString(CultureInfo.InvariantCulture) ?? "-"} s");
        });

        // 18. Log out: each token is revoked and the registry forgets the session; later calls send nothing.
        await journey.StepAsync("Logout", async step =>
        {
            foreach (var session in new[] { jane, alan })
            {
                await session.LogoutAsync(ct);
                step.Info($"{session.UserKey}: {session.State}");
                step.Require(session.State == WeavrSessionState.LoggedOut && await sessions.FindAsync(session.UserKey, ct) is null, $"{session.UserKey} is not logged out.");
            }

            var webhooks = env.Sandbox.WebhookDeliveries;
            step.Info($"signed webhooks delivered over HTTP during the journey: {webhooks.Count}, answered {string.Join(", ", webhooks.Select(w => w.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? w.Error ?? "-"))}");
            step.Require(webhooks.All(w => w.StatusCode == 204), "A webhook was not accepted.");
        });
    }

    // A new password login on the same session: a fresh token, back to Access (STANDARD).
    private static async Task SignInAgainAsync(IWeavrSession session, Step step, CancellationToken ct)
    {
        await session.SignInWithPasswordAsync(Jane.Email, Jane.Password, ct);
        await session.SelectIdentityAsync(Jane.Consumer, ct);
        step.Info($"signed in again: {Display.Of(session)}");
        step.Require(session.TokenStatus == AccessTokenStatus.Standard, $"Expected a STANDARD token, got {session.TokenStatus}.");
    }

    private static void ReportPushApproval(Step step, AuthClient.Testing.SandboxChallenge? challenge, AuthClient.Testing.SandboxWebhookDelivery? delivery)
    {
        step.Require(challenge is not null && delivery is not null, "No push challenge reached the phone.");
        step.Info($"phone: {challenge!.Kind} challenge {challenge.Id} on {challenge.Channel} approved");
        step.Info($"Weavr -> POST {delivery!.Url} (signed, call-ref {delivery.CallRef}) -> {delivery.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? delivery.Error}");
        step.Require(delivery.StatusCode == 204, "The receiver did not accept the webhook.");
    }
}
