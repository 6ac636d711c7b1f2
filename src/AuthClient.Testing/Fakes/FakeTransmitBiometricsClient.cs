using AuthClient.Primitives;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// A programmable, recording <see cref="ITransmitBiometricsClient"/> for unit tests, no mocking library needed. For
/// each operation your code calls, set its <c>On…</c> handler to return a result (<see cref="TransmitResults"/>) or
/// throw an error (<see cref="TransmitErrors"/>); then assert on <see cref="Calls"/>:
/// <code>
/// var transmit = new FakeTransmitBiometricsClient
/// {
///     OnStart = request => TransmitResults.Challenge("ch-1"),
///     OnAuthenticate = request => throw TransmitErrors.BadRequest("auth_invalid_signature"),
/// };
/// </code>
/// </summary>
/// <remarks>
/// An operation with no handler fails its task with an <see cref="InvalidOperationException"/> naming the handler to
/// set; <see cref="OnRegister"/> and <see cref="OnDelete"/> are actions (set them to <c>(_, _) => { }</c> to accept).
/// A handler's exception fails the returned task; an already cancelled token cancels it. Every call is recorded first.
/// The fake does not validate input. Recording is thread-safe; set the handlers before the code under test runs.
/// </remarks>
public sealed class FakeTransmitBiometricsClient : ITransmitBiometricsClient
{
    private readonly FakeRecorder<TransmitCall> _recorder = new(nameof(FakeTransmitBiometricsClient));

    /// <summary>Gets or sets what <see cref="StartAsync"/> returns for the request.</summary>
    public Func<BiometricsStartRequest, BiometricsStartResponse>? OnStart { get; set; }

    /// <summary>Gets or sets what <see cref="AuthenticateAsync"/> returns for the request.</summary>
    public Func<BiometricsAuthenticateRequest, BiometricsTokens>? OnAuthenticate { get; set; }

    /// <summary>Gets or sets what <see cref="RegisterAsync"/> does for (userAccessToken, request): return to accept, throw to refuse.</summary>
    public Action<Secret, BiometricsRegisterRequest>? OnRegister { get; set; }

    /// <summary>Gets or sets what <see cref="DeleteAsync"/> does for (userAccessToken, publicKeyId): return to accept, throw to refuse.</summary>
    public Action<Secret, string>? OnDelete { get; set; }

    /// <summary>Gets the calls received so far, in order (a snapshot).</summary>
    public IReadOnlyList<TransmitCall> Calls => _recorder.Calls;

    /// <summary>Returns the calls of one operation received so far, in order.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The calls.</returns>
    public IReadOnlyList<TransmitCall> CallsTo(TransmitOperation operation) => [.. _recorder.Calls.Where(c => c.Operation == operation)];

    /// <inheritdoc />
    public Task<BiometricsStartResponse> StartAsync(BiometricsStartRequest request, CancellationToken cancellationToken = default) =>
        _recorder.Run(new(TransmitOperation.Start) { StartRequest = request }, OnStart, nameof(OnStart), h => h(request), cancellationToken);

    /// <inheritdoc />
    public Task<BiometricsTokens> AuthenticateAsync(BiometricsAuthenticateRequest request, CancellationToken cancellationToken = default) =>
        _recorder.Run(new(TransmitOperation.Authenticate) { AuthenticateRequest = request }, OnAuthenticate, nameof(OnAuthenticate), h => h(request), cancellationToken);

    /// <inheritdoc />
    public Task RegisterAsync(Secret userAccessToken, BiometricsRegisterRequest request, CancellationToken cancellationToken = default) =>
        _recorder.Run(new(TransmitOperation.Register) { UserAccessToken = userAccessToken, RegisterRequest = request }, OnRegister, nameof(OnRegister), h => h(userAccessToken, request), cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(Secret userAccessToken, string publicKeyId, CancellationToken cancellationToken = default) =>
        _recorder.Run(new(TransmitOperation.Delete) { UserAccessToken = userAccessToken, PublicKeyId = publicKeyId }, OnDelete, nameof(OnDelete), h => h(userAccessToken, publicKeyId), cancellationToken);
}
