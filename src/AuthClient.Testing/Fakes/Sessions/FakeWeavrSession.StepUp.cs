using AuthClient.Errors;
using AuthClient.Sessions;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes.Sessions;

/// <summary>Step-up and secured calls.</summary>
public sealed partial class FakeWeavrSession
{
    /// <summary>Gets or sets how a step-up ends for its channel (<see cref="ScaChannel.Sms"/> for OTP, the push channel
    /// otherwise). Default <see cref="ChallengeOutcome.Verified"/>: the session is stepped up.</summary>
    public Func<ScaChannel, ChallengeOutcome>? OnStepUp { get; set; }

    /// <summary>Gets or sets the method <see cref="StepUpAsync"/> and <c>ExecuteAsync</c>
    /// use (default <see cref="StepUpMethod.Otp"/>, as <see cref="WeavrSessionOptions.StepUpMethod"/>).</summary>
    public StepUpMethod StepUpMethod { get; set; } = WeavrSessionDefaults.Method;

    /// <summary>Gets or sets the push channel (default <see cref="ScaChannel.Authy"/>, as <see cref="WeavrSessionOptions.PushChannel"/>).</summary>
    public ScaChannel PushChannel { get; set; } = WeavrSessionDefaults.PushChannel;

    /// <summary>Gets or sets the client <c>ExecuteAsync</c>
    /// hands to the call, e.g. a <see cref="FakeWeavrAuthClient"/>; its <c>STEP_UP_REQUIRED</c> refusal makes the session
    /// step up (<see cref="OnStepUp"/>) and replay the call once, as the real session does.</summary>
    public IWeavrAuthClient? Client { get; set; }

    /// <inheritdoc />
    public Task<ChallengeResult> StepUpAsync(CancellationToken cancellationToken = default) =>
        StepUp(nameof(StepUpAsync), StepUpMethod == StepUpMethod.Otp ? WeavrSessionDefaults.OtpChannel : PushChannel, cancellationToken);

    /// <inheritdoc />
    public Task<ChallengeResult> StepUpWithOtpAsync(CancellationToken cancellationToken = default) =>
        StepUp(nameof(StepUpWithOtpAsync), WeavrSessionDefaults.OtpChannel, cancellationToken);

    /// <inheritdoc />
    public Task<ChallengeResult> StepUpWithPushAsync(ScaChannel? channel = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var push = channel ?? PushChannel;
        if (push != ScaChannel.Authy && push != ScaChannel.Biometric)
        {
            Record(new FakeSessionCall(nameof(StepUpWithPushAsync)) { Channel = push });
            return Task.FromException<ChallengeResult>(new ArgumentException($"Push step-up supports AUTHY or BIOMETRIC, not {push}.", nameof(channel)));
        }

        return StepUp(nameof(StepUpWithPushAsync), push, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChallengeResult> StartOtpStepUpAsync(CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(StartOtpStepUpAsync)) { Channel = ScaChannel.Sms }, cancellationToken, () =>
        {
            Require(nameof(StartOtpStepUpAsync), AccessStates);
            Touch();
            return new ChallengeResult { Outcome = ChallengeOutcome.Sent, Channel = ScaChannel.Sms };
        });

    /// <inheritdoc />
    public Task<ChallengeResult> VerifyOtpStepUpAsync(string verificationCode, CancellationToken cancellationToken = default) =>
        Async(new FakeSessionCall(nameof(VerifyOtpStepUpAsync)) { Channel = ScaChannel.Sms, Code = Hide(verificationCode) }, cancellationToken, () =>
        {
            RequireCode(verificationCode);
            Require(nameof(VerifyOtpStepUpAsync), AccessStates);
            return Challenge(ScaChannel.Sms, codeAttempts: 1);
        });

    // Implemented explicitly: the interface's two overloads are its API; the fake adds no public overloads of its own.

    /// <inheritdoc />
    Task<TResult> IWeavrSession.ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken) =>
        ExecuteWithRefAsync(call, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <inheritdoc />
    Task<TResult> IWeavrSession.ExecuteAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, string idempotencyRef, CancellationToken cancellationToken) =>
        ExecuteWithRefAsync(call, idempotencyRef, cancellationToken);

    private async Task<TResult> ExecuteWithRefAsync<TResult>(Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<TResult>> call, string idempotencyRef, CancellationToken cancellationToken)
    {
        Record(new FakeSessionCall(nameof(IWeavrSession.ExecuteAsync)) { IdempotencyRef = idempotencyRef });
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyRef);
        cancellationToken.ThrowIfCancellationRequested();
        var client = Client ?? throw new InvalidOperationException(
            "FakeWeavrSession.ExecuteAsync was called but has no client: set FakeWeavrSession.Client (e.g. to a FakeWeavrAuthClient).");
        for (var steppedUp = false; ; steppedUp = true)
        {
            Require(nameof(IWeavrSession.ExecuteAsync), AccessStates);
            try
            {
                var result = await call(client, new WeavrCallOptions { Token = Token, IdempotencyRef = idempotencyRef }, cancellationToken).ConfigureAwait(false);
                Touch();
                return result;
            }
            catch (WeavrForbiddenException ex) when (ex.IsStepUpRequired && !steppedUp)
            {
                var stepUp = Challenge(StepUpMethod == StepUpMethod.Otp ? WeavrSessionDefaults.OtpChannel : PushChannel, codeAttempts: 0);
                if (!stepUp.Succeeded)
                {
                    throw new WeavrStepUpFailedException(UserKey, State, stepUp, ex);
                }
            }
            catch (Exception ex) when (ex is WeavrLockedException or WeavrUnauthorizedException)
            {
                // Locks or expires the session and throws the session's typed error, as the real session does.
                Run<bool>(() => throw ex);
            }
        }
    }

    private static void RequireCode(string verificationCode)
    {
        ArgumentNullException.ThrowIfNull(verificationCode);
        if (verificationCode.Length != 6 || !verificationCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The verification code must be 6 digits.", nameof(verificationCode));
        }
    }

    private Task<ChallengeResult> StepUp(string operation, ScaChannel channel, CancellationToken cancellationToken) =>
        Async(new FakeSessionCall(operation) { Channel = channel }, cancellationToken, () =>
        {
            Require(operation, AccessStates);
            return State == WeavrSessionState.SteppedUp
                ? new ChallengeResult { Outcome = ChallengeOutcome.AlreadyVerified, Channel = channel }
                : Challenge(channel, codeAttempts: channel == ScaChannel.Sms ? 1 : 0);
        });

    /// <summary>Asks the script how the challenge ends; a pass steps the token up.</summary>
    private ChallengeResult Challenge(ScaChannel channel, int codeAttempts)
    {
        var outcome = Run(() => OnStepUp?.Invoke(channel) ?? ChallengeOutcome.Verified);
        if (outcome is ChallengeOutcome.Verified or ChallengeOutcome.AlreadyVerified)
        {
            Touch();
            Transition(s => s == WeavrSessionState.Access ? WeavrSessionState.SteppedUp : s, expiredAt: null);
        }

        return new ChallengeResult
        {
            Outcome = outcome,
            Channel = channel,
            ChallengeId = channel == ScaChannel.Sms ? null : "fake-push-challenge",
            CodeAttempts = codeAttempts,
        };
    }
}
