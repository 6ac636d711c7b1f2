using System.Text.Json;
using AuthClient.Errors;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>Step-up: SMS OTP challenges with their attempt limits, and push challenges.</summary>
internal sealed partial class SandboxEngine
{
    private SandboxResponse StartOtpStepUp(SandboxRequest request, string channel)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        if (channel != "SMS")
        {
            return UnknownChannel("SMS");
        }

        if (!token.User.IsFactorActive(ScaChannel.Sms))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotRegistered);
        }

        var now = _time.GetUtcNow();
        if (token.StepUpOtp is { } previous && now - previous.IssuedAt < _rules.OtpResendInterval)
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.RetryIn15Sec);
        }

        if (_rules.MaxOtpChallengesPerToken > 0 && token.OtpChallengesIssued >= _rules.MaxOtpChallengesPerToken)
        {
            // Observed: a third challenge for the same token answers 400.
            return WeavrReplies.BadRequest("Too many step-up challenges for this token.");
        }

        token.OtpChallengesIssued++;
        token.StepUpOtp = new OtpChallengeState { IssuedAt = now };
        return WeavrReplies.Empty(204);
    }

    private SandboxResponse VerifyOtpStepUp(SandboxRequest request, string channel)
    {
        if (ReadSmsVerification(request, channel, out var token, out var code) is { } rejected)
        {
            return rejected;
        }

        if (!token.User.IsFactorActive(ScaChannel.Sms))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotRegistered);
        }

        if (token.StepUpOtp is not { } challenge)
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.StateInvalid);
        }

        if (Verify(challenge, code) is { } failure)
        {
            return WeavrReplies.Conflict(failure);
        }

        token.SteppedUp = true; // The same token is now stepped up: no new token.
        return WeavrReplies.Empty(204);
    }

    private SandboxResponse StartPushStepUp(SandboxRequest request, string channel)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        if (channel is not ("AUTHY" or "BIOMETRIC"))
        {
            return UnknownChannel("AUTHY, BIOMETRIC");
        }

        var scaChannel = new ScaChannel(channel);
        if (!token.User.IsFactorActive(scaChannel))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotRegistered);
        }

        var previous = token.StepUpPush;
        if (previous is { Outcome: null } && previous.Channel == scaChannel)
        {
            return new SandboxResponse(200, JsonBody.Object("id", previous.Id)); // Observed: re-issue while pending → 200.
        }

        if (previous is { Outcome: SandboxChallengeOutcome.Approved or SandboxChallengeOutcome.Declined })
        {
            // Observed: once the token's push challenge was answered, another answers 400.
            return WeavrReplies.BadRequest("The step-up challenge for this token was already answered.");
        }

        if (previous is { Outcome: null })
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.StateInvalid); // A push on the other channel is in flight.
        }

        var challenge = CreateChallenge(SandboxChallengeKind.PushStepUp, scaChannel, token.User, token.Identity, token);
        token.StepUpPush = challenge;
        return new SandboxResponse(200, JsonBody.Object("id", challenge.Id)) { AfterSent = AutoApproval(challenge) };
    }

    /// <summary>The observed attempt-limit sequence: wrong codes answer VERIFICATION_CODE_INVALID, the penultimate
    /// ONE_CHALLENGE_LIMIT_REMAINING, the last CHALLENGE_LIMIT_EXCEEDED, any later attempt STATE_INVALID; a correct code
    /// on the last allowed attempt still succeeds. Returns <see langword="null"/> when the code is accepted.</summary>
    private string? Verify(OtpChallengeState challenge, string code)
    {
        if (challenge.Verified)
        {
            return WeavrErrorCodes.AlreadyVerified;
        }

        if (challenge.Exhausted)
        {
            return WeavrErrorCodes.StateInvalid;
        }

        if (_time.GetUtcNow() - challenge.IssuedAt >= _rules.OtpLifetime)
        {
            return WeavrErrorCodes.VerificationCodeExpired;
        }

        if (code == _rules.OtpCode)
        {
            challenge.Verified = true;
            return null;
        }

        var attempt = ++challenge.FailedAttempts;
        if (attempt >= _rules.OtpAttemptLimit)
        {
            challenge.Exhausted = true;
            return WeavrErrorCodes.ChallengeLimitExceeded;
        }

        return attempt == _rules.OtpAttemptLimit - 1
            ? WeavrErrorCodes.OneChallengeLimitRemaining
            : WeavrErrorCodes.VerificationCodeInvalid;
    }

    /// <summary>What both SMS code verifications (enrolment and step-up) check first, in Weavr's order: the access
    /// token, the channel, then the code's shape. <see langword="null"/> when the code may be checked.</summary>
    private SandboxResponse? ReadSmsVerification(SandboxRequest request, string channel, out TokenState token, out string code)
    {
        code = string.Empty;
        if (Authenticate(request, TokenUse.AccessOnly, out token) is { } refused)
        {
            return refused;
        }

        if (channel != "SMS")
        {
            return UnknownChannel("SMS");
        }

        return ReadVerificationCode(request, out code);
    }

    private static SandboxResponse? ReadVerificationCode(SandboxRequest request, out string code)
    {
        JsonDocument? document = null;
        if (!request.Body.IsEmpty && !JsonBody.TryParseObject(request.Body, out document))
        {
            code = string.Empty;
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            return WeavrReplies.ValidateVerificationCode(document, out code);
        }
    }
}
