using AuthClient.Primitives;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Transmit.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// One call a <see cref="FakeTransmitBiometricsClient"/> received: the operation and its arguments. Only the arguments
/// the operation takes are set; the user access token is a <see cref="Secret"/>, so printing a call never shows it.
/// Calls compare by value: <c>Assert.Equal(new TransmitCall(TransmitOperation.Start) { StartRequest = BiometricsStartRequest.ForUser("u1") }, fake.Calls[0])</c>.
/// </summary>
/// <param name="Operation">The operation called.</param>
public sealed record TransmitCall(TransmitOperation Operation)
{
    /// <summary>Gets the request of <see cref="TransmitOperation.Start"/>.</summary>
    public BiometricsStartRequest? StartRequest { get; init; }

    /// <summary>Gets the request of <see cref="TransmitOperation.Authenticate"/>.</summary>
    public BiometricsAuthenticateRequest? AuthenticateRequest { get; init; }

    /// <summary>Gets the request of <see cref="TransmitOperation.Register"/>.</summary>
    public BiometricsRegisterRequest? RegisterRequest { get; init; }

    /// <summary>Gets the user access token (<see cref="TransmitOperation.Register"/>, <see cref="TransmitOperation.Delete"/>).</summary>
    public Secret? UserAccessToken { get; init; }

    /// <summary>Gets the id of the key to delete (<see cref="TransmitOperation.Delete"/>).</summary>
    public string? PublicKeyId { get; init; }

    /// <summary>Returns the operation and the arguments that are set, the token as <c>[redacted]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => new CallText(Operation.ToString())
        .Add(nameof(StartRequest), StartRequest)
        .Add(nameof(AuthenticateRequest), AuthenticateRequest)
        .Add(nameof(RegisterRequest), RegisterRequest)
        .Add(nameof(UserAccessToken), UserAccessToken)
        .Add(nameof(PublicKeyId), PublicKeyId)
        .ToString();
}
