using AuthClient.Errors;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Internal;

/// <summary>Authentication factors: list, SMS OTP enrolment, Authy push enrolment and push unlinking.</summary>
internal sealed partial class SandboxEngine
{
    private static readonly string[] FactorOrder = ["SMS", "AUTHY", "BIOMETRIC"];

    private SandboxResponse GetFactors(SandboxRequest request)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        if (_rules.FactorsRequireStepUp && !token.SteppedUp)
        {
            return WeavrReplies.Forbidden(WeavrErrorCodes.StepUpRequired);
        }

        return new SandboxResponse(200, JsonBody.Write(token.User, static (w, user) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("factors");
            foreach (var channel in FactorOrder)
            {
                if (!user.Factors.TryGetValue(channel, out var status))
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("type", channel switch { "SMS" => "OTP", "AUTHY" => "PUSH", _ => "BIOMETRIC" });
                w.WriteString("status", status.Value);
                w.WriteString("channel", channel);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private SandboxResponse EnrolOtp(SandboxRequest request, string channel)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        if (channel != "SMS")
        {
            return UnknownChannel("SMS");
        }

        var user = token.User;
        if (user.IsFactorActive(ScaChannel.Sms))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelAlreadyRegistered);
        }

        if (user.MobileNumber is null)
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.MobileNumberNotAvailable);
        }

        // Observed: enrolling again while pending answers 204 and sends a fresh code.
        user.Factors[ScaChannel.Sms.Value] = ScaFactorStatus.PendingVerification;
        user.SmsEnrolment = new OtpChallengeState { IssuedAt = _time.GetUtcNow() };
        return WeavrReplies.Empty(204);
    }

    private SandboxResponse VerifyOtpEnrolment(SandboxRequest request, string channel)
    {
        if (ReadSmsVerification(request, channel, out var token, out var code) is { } rejected)
        {
            return rejected;
        }

        var user = token.User;
        if (user.IsFactorActive(ScaChannel.Sms))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelAlreadyRegistered);
        }

        if (user.SmsEnrolment is not { } challenge)
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.StateInvalid);
        }

        if (Verify(challenge, code) is { } failure)
        {
            return WeavrReplies.Conflict(failure);
        }

        user.Factors[ScaChannel.Sms.Value] = ScaFactorStatus.Active;
        user.SmsEnrolment = null;
        return WeavrReplies.Empty(204);
    }

    private SandboxResponse EnrolPush(SandboxRequest request, string channel)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        if (channel == "BIOMETRIC")
        {
            // Biometric enrolment goes through Weavr's mobile SDK, not this endpoint.
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotSupported);
        }

        if (channel != "AUTHY")
        {
            return UnknownChannel("AUTHY");
        }

        var user = token.User;
        if (user.IsFactorActive(ScaChannel.Authy))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelAlreadyRegistered);
        }

        if (user.MobileNumber is null)
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.MobileNumberNotAvailable);
        }

        var pending = _challenges.Values.FirstOrDefault(c =>
            c.Kind == SandboxChallengeKind.PushEnrolment && c.User == user && c.Outcome is null);
        if (pending is not null)
        {
            return WeavrReplies.Empty(204); // Still waiting for the user: nothing new to send.
        }

        user.Factors[ScaChannel.Authy.Value] = ScaFactorStatus.PendingVerification;
        var challenge = CreateChallenge(SandboxChallengeKind.PushEnrolment, ScaChannel.Authy, user, token.Identity, token: null);
        return new SandboxResponse(204) { AfterSent = AutoApproval(challenge) };
    }

    private SandboxResponse UnlinkPush(SandboxRequest request, string channel)
    {
        if (Authenticate(request, TokenUse.AccessOnly, out var token) is { } refused)
        {
            return refused;
        }

        if (channel is not ("AUTHY" or "BIOMETRIC"))
        {
            return UnknownChannel("AUTHY, BIOMETRIC");
        }

        if (!token.SteppedUp)
        {
            return WeavrReplies.Forbidden(WeavrErrorCodes.StepUpRequired);
        }

        var user = token.User;
        if (!user.IsFactorActive(new ScaChannel(channel)))
        {
            return WeavrReplies.Conflict(WeavrErrorCodes.ChannelNotRegistered);
        }

        user.Factors.Remove(channel);
        return WeavrReplies.Empty(204);
    }

    private static SandboxResponse UnknownChannel(string accepted) =>
        WeavrReplies.BadRequest($"request.channel: must be one of [{accepted}]");
}
