using AuthClient.Primitives;
using AuthClient.Testing.Fakes;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Tests.Support;

/// <summary>Calls each <see cref="WeavrOperation"/> on any <see cref="IWeavrAuthClient"/> with valid-looking arguments.</summary>
internal static class WeavrOperationCalls
{
    public static readonly Secret Token = new("op-token");
    public static readonly IdentityId Identity = new(IdentityType.Consumer, "100");
    public static readonly Secret Assertion = new("op-client-assertion");
    public static readonly Secret OneTimeToken = new("op-one-time-token");

    /// <summary>The channel each channel operation is called with.</summary>
    public static ScaChannel ChannelOf(WeavrOperation operation) => operation switch
    {
        WeavrOperation.EnrolOtp or WeavrOperation.VerifyOtpEnrolment or WeavrOperation.StartOtpStepUp or WeavrOperation.VerifyOtpStepUp => ScaChannel.Sms,
        _ => ScaChannel.Authy,
    };

    public static TheoryData<WeavrOperation> All() => [.. Enum.GetValues<WeavrOperation>()];

    /// <summary>What a recording fake should record for <see cref="CallAsync"/>.</summary>
    public static WeavrCall ExpectedCall(WeavrOperation operation) => operation switch
    {
        WeavrOperation.LoginWithPassword => new(operation) { Email = "ada@example.com", Password = new Secret("Passw0rd!") },
        WeavrOperation.LoginViaBiometrics => new(operation) { Email = "ada@example.com" },
        WeavrOperation.GetIdentities or WeavrOperation.GetAuthenticationFactors or WeavrOperation.Logout => new(operation) { Token = Token },
        WeavrOperation.RequestAccessToken => new(operation) { Identity = Identity, Token = Token },
        WeavrOperation.VerifyOtpEnrolment or WeavrOperation.VerifyOtpStepUp =>
            new(operation) { Channel = ChannelOf(operation), VerificationCode = new Secret("123456"), Token = Token },
        WeavrOperation.UpdatePassword => new(operation) { OldPassword = new Secret("0ld-Passw0rd!"), NewPassword = new Secret("N3w-Passw0rd!"), Token = Token },
        WeavrOperation.ValidatePassword => new(operation) { Password = new Secret("N3w-Passw0rd!") },
        WeavrOperation.StartLostPassword => new(operation) { Email = "nobody@example.com" },
        WeavrOperation.ResumeLostPassword => new(operation) { Email = "nobody@example.com", Nonce = new Secret("654321"), NewPassword = new Secret("N3w-Passw0rd!") },
        WeavrOperation.RequestDelegatedAccessToken => new(operation) { Identity = Identity, ClientAssertion = Assertion },
        WeavrOperation.ExchangeOneTimeToken => new(operation) { Identity = Identity, OneTimeToken = OneTimeToken },
        _ => new(operation) { Channel = ChannelOf(operation), Token = Token },
    };

    public static Task CallAsync(IWeavrAuthClient client, WeavrOperation operation, CancellationToken cancellationToken = default)
    {
        var options = WeavrCallOptions.WithToken(Token);
        var channel = ChannelOf(operation);
        return operation switch
        {
            WeavrOperation.LoginWithPassword => client.LoginWithPasswordAsync("ada@example.com", "Passw0rd!", cancellationToken),
            WeavrOperation.LoginViaBiometrics => client.LoginViaBiometricsAsync("ada@example.com", null, cancellationToken),
            WeavrOperation.GetIdentities => client.GetIdentitiesAsync(null, null, options, cancellationToken),
            WeavrOperation.RequestAccessToken => client.RequestAccessTokenAsync(Identity, options, cancellationToken),
            WeavrOperation.GetAuthenticationFactors => client.GetAuthenticationFactorsAsync(options, cancellationToken),
            WeavrOperation.EnrolOtp => client.EnrolOtpAsync(channel, options, cancellationToken),
            WeavrOperation.VerifyOtpEnrolment => client.VerifyOtpEnrolmentAsync(channel, "123456", options, cancellationToken),
            WeavrOperation.EnrolPush => client.EnrolPushAsync(channel, options, cancellationToken),
            WeavrOperation.UnlinkPush => client.UnlinkPushAsync(channel, options, cancellationToken),
            WeavrOperation.StartOtpStepUp => client.StartOtpStepUpAsync(channel, options, cancellationToken),
            WeavrOperation.VerifyOtpStepUp => client.VerifyOtpStepUpAsync(channel, "123456", options, cancellationToken),
            WeavrOperation.StartPushStepUp => client.StartPushStepUpAsync(channel, options, cancellationToken),
            WeavrOperation.Logout => client.LogoutAsync(options, cancellationToken),
            WeavrOperation.UpdatePassword => client.UpdatePasswordAsync("0ld-Passw0rd!", "N3w-Passw0rd!", options, cancellationToken),
            WeavrOperation.ValidatePassword => client.ValidatePasswordAsync("N3w-Passw0rd!", null, cancellationToken),
            WeavrOperation.StartLostPassword => client.StartLostPasswordAsync("nobody@example.com", cancellationToken),
            WeavrOperation.ResumeLostPassword => client.ResumeLostPasswordAsync("nobody@example.com", "654321", "N3w-Passw0rd!", cancellationToken),
            WeavrOperation.RequestDelegatedAccessToken => client.RequestDelegatedAccessTokenAsync(Identity, Assertion, cancellationToken),
            WeavrOperation.ExchangeOneTimeToken => client.ExchangeOneTimeTokenAsync(Identity, OneTimeToken, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Add the new operation here."),
        };
    }
}
