using AuthClient.Primitives;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// One call a <see cref="FakeWeavrAuthClient"/> received: the operation and its arguments. Only the arguments the
/// operation takes are set. Passwords, codes and tokens are kept as <see cref="Secret"/>s, so printing a call (in an
/// assertion message or test output) never shows one. Calls compare by value, so a test can assert a whole call:
/// <c>Assert.Equal(new WeavrCall(WeavrOperation.EnrolOtp) { Channel = ScaChannel.Sms, Token = token }, fake.Calls[^1])</c>.
/// </summary>
/// <param name="Operation">The operation called.</param>
public sealed record WeavrCall(WeavrOperation Operation)
{
    /// <summary>Gets the e-mail (<see cref="WeavrOperation.LoginWithPassword"/>, <see cref="WeavrOperation.LoginViaBiometrics"/>,
    /// <see cref="WeavrOperation.StartLostPassword"/>, <see cref="WeavrOperation.ResumeLostPassword"/>).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the password (<see cref="WeavrOperation.LoginWithPassword"/>, <see cref="WeavrOperation.ValidatePassword"/>).</summary>
    public Secret? Password { get; init; }

    /// <summary>Gets the identity (<see cref="WeavrOperation.LoginViaBiometrics"/>, <see cref="WeavrOperation.RequestAccessToken"/>,
    /// <see cref="WeavrOperation.RequestDelegatedAccessToken"/>, <see cref="WeavrOperation.ExchangeOneTimeToken"/>).</summary>
    public IdentityId? Identity { get; init; }

    /// <summary>Gets the page offset (<see cref="WeavrOperation.GetIdentities"/>).</summary>
    public int? Offset { get; init; }

    /// <summary>Gets the page size (<see cref="WeavrOperation.GetIdentities"/>).</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the channel (the enrolment and step-up operations).</summary>
    public ScaChannel? Channel { get; init; }

    /// <summary>Gets the verification code (<see cref="WeavrOperation.VerifyOtpEnrolment"/>, <see cref="WeavrOperation.VerifyOtpStepUp"/>).</summary>
    public Secret? VerificationCode { get; init; }

    /// <summary>Gets the current password (<see cref="WeavrOperation.UpdatePassword"/>).</summary>
    public Secret? OldPassword { get; init; }

    /// <summary>Gets the new password (<see cref="WeavrOperation.UpdatePassword"/>, <see cref="WeavrOperation.ResumeLostPassword"/>).</summary>
    public Secret? NewPassword { get; init; }

    /// <summary>Gets the lost-password nonce (<see cref="WeavrOperation.ResumeLostPassword"/>).</summary>
    public Secret? Nonce { get; init; }

    /// <summary>Gets the delegated client's assertion (<see cref="WeavrOperation.RequestDelegatedAccessToken"/>).</summary>
    public Secret? ClientAssertion { get; init; }

    /// <summary>Gets the one-time token (<see cref="WeavrOperation.ExchangeOneTimeToken"/>).</summary>
    public Secret? OneTimeToken { get; init; }

    /// <summary>Gets the bearer token passed in <see cref="Weavr.WeavrCallOptions.Token"/>, if any.</summary>
    public Secret? Token { get; init; }

    /// <summary>Gets the <c>idempotency-ref</c> passed in <see cref="Weavr.WeavrCallOptions.IdempotencyRef"/>, if any.</summary>
    public string? IdempotencyRef { get; init; }

    /// <summary>Returns the operation and the arguments that are set, secrets as <c>[redacted]</c>,
    /// e.g. <c>LoginWithPassword { Email = ada@example.com, Password = [redacted] }</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => new CallText(Operation.ToString())
        .Add(nameof(Email), Email)
        .Add(nameof(Password), Password)
        .Add(nameof(Identity), Identity)
        .Add(nameof(Offset), Offset)
        .Add(nameof(Limit), Limit)
        .Add(nameof(Channel), Channel)
        .Add(nameof(VerificationCode), VerificationCode)
        .Add(nameof(OldPassword), OldPassword)
        .Add(nameof(NewPassword), NewPassword)
        .Add(nameof(Nonce), Nonce)
        .Add(nameof(ClientAssertion), ClientAssertion)
        .Add(nameof(OneTimeToken), OneTimeToken)
        .Add(nameof(Token), Token)
        .Add(nameof(IdempotencyRef), IdempotencyRef)
        .ToString();
}
