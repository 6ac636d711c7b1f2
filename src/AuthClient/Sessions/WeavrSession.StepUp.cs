using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Sessions.Internal;
using AuthClient.Telemetry.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Sessions;

/// <summary>Step-up: OTP and push, single-flight, and the shared OTP code loop.</summary>
public sealed partial class WeavrSession
{
    /// <inheritdoc />
    public Task<ChallengeResult> StepUpAsync(CancellationToken cancellationToken = default) =>
        StepUpExplicitAsync(Options.StepUpMethod, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<ChallengeResult> StepUpWithOtpAsync(CancellationToken cancellationToken = default) =>
        StepUpExplicitAsync(StepUpMethod.Otp, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<ChallengeResult> StepUpWithPushAsync(ScaChannel? channel = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (channel is { } requested)
        {
            WeavrInputGuard.Channel(requested, nameof(channel), "Push step-up", ScaChannel.Authy, ScaChannel.Biometric);
        }

        if (timeout is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(timeout));
        }

        return StepUpExplicitAsync(StepUpMethod.Push, channel, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ChallengeResult> StartOtpStepUpAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            var lease = Acquire(nameof(StartOtpStepUpAsync), AccessStates);
            var channel = Options.OtpChannel;
            return await ChallengeAsync(lease, (client, options, ct) => client.StartOtpStepUpAsync(channel, options, ct), channel, ChallengeOutcome.Sent, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<ChallengeResult> VerifyOtpStepUpAsync(string verificationCode, CancellationToken cancellationToken = default)
    {
        WeavrInputGuard.VerificationCode(verificationCode, nameof(verificationCode));
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            var lease = Acquire(nameof(VerifyOtpStepUpAsync), AccessStates);
            return await VerifyOtpStepUpCoreAsync(lease, verificationCode, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    private async Task<ChallengeResult> StepUpExplicitAsync(StepUpMethod method, ScaChannel? channel, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            return await EnsureSteppedUpAsync(method, channel, timeout, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await PersistAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Steps up, single-flight. <paramref name="refused"/> is the lease of a call Weavr answered <c>STEP_UP_REQUIRED</c>:
    /// when a step-up ended after that call was sent, the call shares its outcome (replayed on success, failed
    /// otherwise) instead of starting another challenge. Without it (an explicit step-up) a stepped-up session returns at once.
    /// </summary>
    private async Task<ChallengeResult> EnsureSteppedUpAsync(StepUpMethod method, ScaChannel? channel, TimeSpan? timeout, Lease? refused, CancellationToken cancellationToken)
    {
        SharedFlight<ChallengeResult> flight;
        bool created;
        Lease lease;
        try
        {
            lock (_sync)
            {
                TransitionLocked(new SessionEvent.Tick(Now));
                if (!_data.IsAccess)
                {
                    throw StateErrorLocked("Step-up", AccessStates);
                }

                var sameToken = refused is { } r && r.Token == _data.Token;
                if (_data.State == WeavrSessionState.SteppedUp && (refused is null || !sameToken || _data.StepUpGeneration > refused.Value.StepUpGeneration))
                {
                    return new ChallengeResult
                    {
                        Outcome = ChallengeOutcome.AlreadyVerified,
                        Channel = method == StepUpMethod.Otp ? Options.OtpChannel : channel ?? Options.PushChannel,
                    };
                }

                if (sameToken && _data.StepUpGeneration > refused!.Value.StepUpGeneration && _lastStepUp is { Succeeded: false } failed)
                {
                    return failed;
                }

                flight = SharedFlight<ChallengeResult>.JoinOrStart(ref _stepUpFlight, out created);
                if (created)
                {
                    // Weavr refused the stepped-up token: it no longer counts as stepped up.
                    TransitionLocked(new SessionEvent.StepUpStarted(_data.Token!));
                }

                lease = new Lease(_data.Token!, _data.StepUpGeneration);
            }
        }
        finally
        {
            RaisePending();
        }

        if (created)
        {
            _ = flight.RunAsync(async ct =>
            {
                ChallengeResult? result = null;
                using var activity = AuthClientActivity.Source.StartActivity(AuthClientActivity.StepUp);
                var automatic = refused is not null;
                activity?.SetTag(AuthClientActivity.StepUpMethod, AuthClientMetrics.Name(method));
                activity?.SetTag(AuthClientActivity.StepUpTrigger, automatic ? "automatic" : "explicit");
                try
                {
                    result = await RunStepUpAsync(method, channel, timeout, lease, ct).ConfigureAwait(false);
                    return result;
                }
                catch (Exception ex)
                {
                    AuthClientActivity.Failed(activity, ex);
                    throw;
                }
                finally
                {
                    var outcome = result is null ? "error" : AuthClientMetrics.Name(result.Outcome);
                    activity?.SetTag(AuthClientActivity.Outcome, outcome);
                    _services.Metrics?.StepUpCompleted(method, automatic, outcome);
                    lock (_sync)
                    {
                        if (ReferenceEquals(_stepUpFlight, flight))
                        {
                            _stepUpFlight = null;
                            _lastStepUp = result;
                            TransitionLocked(new SessionEvent.StepUpEnded());
                        }
                    }
                }
            });
        }

        return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the challenge; with a farm-wide lease, only on the instance holding it: the others wait for the lease to be
    /// released and read the outcome from the store (the holder writes it before releasing). A holder first re-reads
    /// the store: another instance may have stepped the same token up and released the lease after this instance's
    /// call was refused, and then there is nothing left to challenge.
    /// </summary>
    private async Task<ChallengeResult> RunStepUpAsync(StepUpMethod method, ScaChannel? channel, TimeSpan? timeout, Lease lease, CancellationToken cancellationToken)
    {
        var wait = method == StepUpMethod.Otp ? Options.PushTimeout : timeout ?? Options.PushTimeout;
        var resolved = method == StepUpMethod.Otp ? Options.OtpChannel : channel ?? Options.PushChannel;
        while (true)
        {
            await using var held = _services.StepUpLease is { } farm
                ? await farm.TryAcquireAsync(UserKey, wait + Options.PersistTimeout, cancellationToken).ConfigureAwait(false)
                : null;
            if (held is not null && await SteppedUpElsewhereAsync(lease, cancellationToken).ConfigureAwait(false))
            {
                return new ChallengeResult { Outcome = ChallengeOutcome.AlreadyVerified, Channel = resolved };
            }

            if (held is not null || _services.StepUpLease is null)
            {
                var result = method == StepUpMethod.Otp
                    ? await RunOtpStepUpAsync(lease, cancellationToken).ConfigureAwait(false)
                    : await RunPushStepUpAsync(lease, resolved, wait, cancellationToken).ConfigureAwait(false);
                if (held is not null)
                {
                    // Written before the lease is released: the waiting instances read it next.
                    await PersistAsync().ConfigureAwait(false);
                }

                return result;
            }

            await _services.StepUpLease.WaitReleasedAsync(UserKey, wait, cancellationToken).ConfigureAwait(false);
            if (await SteppedUpElsewhereAsync(lease, cancellationToken).ConfigureAwait(false))
            {
                return new ChallengeResult { Outcome = ChallengeOutcome.AlreadyVerified, Channel = resolved };
            }
        }
    }

    /// <summary>
    /// Re-reads the store: whether the token of <paramref name="lease"/> is now stepped up. Throws when the session no
    /// longer holds that token (logged out, expired or signed in again elsewhere): its step-up is moot.
    /// </summary>
    private async Task<bool> SteppedUpElsewhereAsync(Lease lease, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken).ConfigureAwait(false);
        lock (_sync)
        {
            if (!_data.IsAccess || _data.Token != lease.Token)
            {
                throw StateErrorLocked("Step-up", AccessStates);
            }

            return _data.State == WeavrSessionState.SteppedUp;
        }
    }

    private async Task<ChallengeResult> RunOtpStepUpAsync(Lease lease, CancellationToken cancellationToken)
    {
        RequireCodeProvider();
        var channel = Options.OtpChannel;
        var sent = await ChallengeAsync(lease, (client, options, ct) => client.StartOtpStepUpAsync(channel, options, ct), channel, ChallengeOutcome.Sent, cancellationToken).ConfigureAwait(false);
        return sent.Outcome != ChallengeOutcome.Sent
            ? sent
            : await VerifyWithCodesAsync(OtpPurpose.StepUp, channel, code => VerifyOtpStepUpCoreAsync(lease, code, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChallengeResult> VerifyOtpStepUpCoreAsync(Lease lease, string code, CancellationToken cancellationToken)
    {
        var channel = Options.OtpChannel;
        var result = await ChallengeAsync(lease, (client, options, ct) => client.VerifyOtpStepUpAsync(channel, code, options, ct), channel, ChallengeOutcome.Verified, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            MarkSteppedUp(lease.Token);
        }

        return result;
    }

    private async Task<ChallengeResult> RunPushStepUpAsync(Lease lease, ScaChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        WeavrResponse<PushChallenge> started;
        try
        {
            started = await SendAsync(lease, (client, options, ct) => client.StartPushStepUpAsync(channel, options, ct), null, cancellationToken).ConfigureAwait(false);
        }
        catch (WeavrConflictException ex)
        {
            return FromConflict(ex, channel);
        }

        var challengeId = started.Value.Id;
        var (outcome, answer) = await AwaitStepUpAsync(challengeId, timeout, cancellationToken).ConfigureAwait(false);
        if (outcome == ChallengeOutcome.Verified)
        {
            MarkSteppedUp(lease.Token);
        }

        return new ChallengeResult
        {
            Outcome = outcome,
            Channel = channel,
            ChallengeId = challengeId,
            ErrorCode = RejectedCode(outcome, answer),
            RequestRef = started.RequestRef,
        };
    }

    /// <summary>
    /// Waits for the <c>/stepup/watch</c> webhook of a push step-up or biometric sign-in: its outcome and event, or
    /// <see cref="ChallengeOutcome.TimedOut"/> without one. The webhook may already have arrived: the registry keeps
    /// early events for whoever registers next.
    /// </summary>
    private async Task<(ChallengeOutcome Outcome, StepUpEvent? Answer)> AwaitStepUpAsync(string challengeId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiter = _services.Challenges.ExpectStepUp(challengeId);
        try
        {
            var answer = await waiter.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return (ChallengeOutcomes.FromWebhookStatus(answer.Status), answer);
        }
        catch (TimeoutException)
        {
            return (ChallengeOutcome.TimedOut, null);
        }
    }

    // A status the SDK does not know is reported as Rejected with Weavr's own word for it.
    private static string? RejectedCode(ChallengeOutcome outcome, StepUpEvent? answer) =>
        outcome == ChallengeOutcome.Rejected ? answer?.Status.Value : null;

    // The same token is now stepped up; a stale answer for a replaced token changes nothing.
    private void MarkSteppedUp(Secret token) => Apply(new SessionEvent.SteppedUp(token));

    /// <summary>Sends a challenge call; a 409 becomes a typed outcome, success becomes <paramref name="success"/>.</summary>
    private async Task<ChallengeResult> ChallengeAsync(Lease lease, Func<IWeavrAuthClient, WeavrCallOptions, CancellationToken, Task<WeavrResponse>> call, ScaChannel channel, ChallengeOutcome success, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAsync(lease, call, null, cancellationToken).ConfigureAwait(false);
            return new ChallengeResult { Outcome = success, Channel = channel, RequestRef = response.RequestRef };
        }
        catch (WeavrConflictException ex)
        {
            return FromConflict(ex, channel);
        }
    }

    private static ChallengeResult FromConflict(WeavrConflictException conflict, ScaChannel channel)
    {
        var outcome = ChallengeOutcomes.FromErrorCode(conflict.ErrorCode);
        return new ChallengeResult
        {
            Outcome = outcome,
            Channel = channel,
            ErrorCode = conflict.ErrorCode,
            RequestRef = conflict.RequestRef,
            RetryAfter = ChallengeOutcomes.RetryAfter(outcome),
        };
    }

    /// <summary>Asks the code provider for codes and verifies them until one passes, the user gives up, or attempts run out.</summary>
    private async Task<ChallengeResult> VerifyWithCodesAsync(OtpPurpose purpose, ScaChannel channel, Func<string, Task<ChallengeResult>> verify, CancellationToken cancellationToken)
    {
        var provider = RequireCodeProvider();
        ChallengeResult? last = null;
        for (var attempt = 1; attempt <= Options.MaxOtpAttempts; attempt++)
        {
            var request = new OtpCodeRequest
            {
                UserKey = UserKey,
                Channel = channel,
                Purpose = purpose,
                Attempt = attempt,
                PreviousOutcome = last?.Outcome,
                Identity = Identity,
            };
            var code = await provider.GetCodeAsync(request, cancellationToken).ConfigureAwait(false);
            if (code is null)
            {
                return new ChallengeResult { Outcome = ChallengeOutcome.CodeNotProvided, Channel = channel, CodeAttempts = attempt - 1 };
            }

            // A mistyped code is refused here, without spending one of the server's attempts.
            last = WeavrInputGuard.IsVerificationCode(code.Reveal())
                ? await verify(code.Reveal()).ConfigureAwait(false) with { CodeAttempts = attempt }
                : new ChallengeResult { Outcome = ChallengeOutcome.VerificationCodeInvalid, Channel = channel, CodeAttempts = attempt };
            if (!last.CanVerifyAgain)
            {
                return last;
            }
        }

        return last!;
    }

    private IOtpCodeProvider RequireCodeProvider() => _services.CodeProvider
        ?? throw new WeavrSessionException(
            UserKey,
            State,
            $"OTP step-up and enrolment need an {nameof(IOtpCodeProvider)}: register one in DI, or use StartOtpStepUpAsync/VerifyOtpStepUpAsync with an explicit code. Nothing was sent.");
}
