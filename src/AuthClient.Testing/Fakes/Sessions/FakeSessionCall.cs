using AuthClient.Primitives;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>
/// One call a <see cref="FakeWeavrSession"/> or <see cref="FakeWeavrSessionRegistry"/> received: the method's name and
/// the arguments it takes. Passwords, codes and nonces are <see cref="Secret"/>s, so printing a call never shows one.
/// Compares by value: <c>Assert.Equal(new FakeSessionCall("StepUpAsync") { Channel = ScaChannel.Sms }, session.Calls[^1])</c>.
/// </summary>
/// <param name="Operation">The method called, e.g. <c>nameof(IWeavrSession.StepUpAsync)</c>.</param>
public sealed record FakeSessionCall(string Operation)
{
    /// <summary>Gets the user key (registry calls).</summary>
    public string? UserKey { get; init; }

    /// <summary>Gets the e-mail (sign-ins, lost password).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the password (<c>SignInWithPasswordAsync</c>) or the old password (<c>UpdatePasswordAsync</c>).</summary>
    public Secret? Password { get; init; }

    /// <summary>Gets the new password.</summary>
    public Secret? NewPassword { get; init; }

    /// <summary>Gets the verification code or lost-password nonce.</summary>
    public Secret? Code { get; init; }

    /// <summary>Gets the identity (biometric sign-in, identity selection).</summary>
    public IdentityId? Identity { get; init; }

    /// <summary>Gets the channel (step-ups, enrolments, unlink).</summary>
    public ScaChannel? Channel { get; init; }

    /// <summary>Gets the <c>idempotency-ref</c> (<c>ExecuteAsync</c>).</summary>
    public string? IdempotencyRef { get; init; }

    /// <summary>Returns the operation and the arguments that are set, secrets as <c>[redacted]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => new CallText(Operation)
        .Add(nameof(UserKey), UserKey)
        .Add(nameof(Email), Email)
        .Add(nameof(Password), Password)
        .Add(nameof(NewPassword), NewPassword)
        .Add(nameof(Code), Code)
        .Add(nameof(Identity), Identity)
        .Add(nameof(Channel), Channel)
        .Add(nameof(IdempotencyRef), IdempotencyRef)
        .ToString();
}
