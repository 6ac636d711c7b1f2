using AuthClient.Primitives;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;

namespace AuthClient.Testing.Internal;

/// <summary>Pending push challenges: creation, the simulated user's answer, and the signed webhook it produces.</summary>
internal sealed partial class SandboxEngine
{
    public IReadOnlyList<SandboxChallenge> PendingChallenges
    {
        get
        {
            lock (_gate)
            {
                return [.. _challenges.Values.Where(c => c.Outcome is null).OrderBy(c => c.CreatedAt).Select(c => c.ToPublic())];
            }
        }
    }

    public Task<SandboxChallenge> WaitForPendingChallengeAsync(string email, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var user = FindUser(email);
            var pending = _challenges.Values
                .Where(c => c.User == user && c.Outcome is null)
                .OrderBy(c => c.CreatedAt)
                .FirstOrDefault();
            if (pending is not null)
            {
                return Task.FromResult(pending.ToPublic());
            }

            var waiter = new TaskCompletionSource<SandboxChallenge>(TaskCreationOptions.RunContinuationsAsynchronously);
            var entry = (user.Email, waiter);
            _waiters.Add(entry);
            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() =>
                {
                    lock (_gate)
                    {
                        _waiters.Remove(entry);
                    }

                    waiter.TrySetCanceled(cancellationToken);
                });
                _ = waiter.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration, TaskScheduler.Default);
            }

            return waiter.Task;
        }
    }

    /// <summary>Answers a pending challenge for the simulated user and sends the resulting webhook.</summary>
    public Task<SandboxWebhookDelivery> CompleteAsync(string challengeId, SandboxChallengeOutcome outcome, CancellationToken cancellationToken)
    {
        WeavrWebhookEvent webhookEvent;
        lock (_gate)
        {
            if (!_challenges.TryGetValue(challengeId, out var challenge))
            {
                throw new ArgumentException($"The sandbox has no push challenge '{challengeId}'.", nameof(challengeId));
            }

            if (challenge.Outcome is { } answered)
            {
                throw new InvalidOperationException($"Push challenge '{challengeId}' was already answered ({answered}).");
            }

            challenge.Outcome = outcome;
            challenge.ExpiryTimer?.Dispose();
            webhookEvent = Answer(challenge, outcome, _time.GetUtcNow());
        }

        return _webhooks.DeliverAsync(webhookEvent, cancellationToken);
    }

    private PushChallengeState CreateChallenge(SandboxChallengeKind kind, ScaChannel channel, UserState user, IdentityId identity, TokenState? token)
    {
        var challenge = new PushChallengeState
        {
            Id = NextId(),
            Kind = kind,
            Channel = channel,
            User = user,
            Identity = identity,
            Token = token,
            CreatedAt = _time.GetUtcNow(),
        };
        _challenges.Add(challenge.Id, challenge);
        if (_rules.PushChallengeLifetime > TimeSpan.Zero)
        {
            challenge.ExpiryTimer = _time.CreateTimer(
                static state =>
                {
                    var (engine, id) = ((SandboxEngine, string))state!;
                    engine.CompleteQuietly(id, SandboxChallengeOutcome.Expired);
                },
                (this, challenge.Id),
                _rules.PushChallengeLifetime,
                Timeout.InfiniteTimeSpan);
        }

        var published = challenge.ToPublic();
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_waiters[i].Email, user.Email, StringComparison.OrdinalIgnoreCase))
            {
                _waiters[i].Waiter.TrySetResult(published);
                _waiters.RemoveAt(i);
            }
        }

        return challenge;
    }

    /// <summary>With auto-approval on, approves the challenge once its 200/204 has been sent, so the caller holds the id
    /// before the webhook can arrive.</summary>
    private Action? AutoApproval(PushChallengeState challenge) =>
        _autoApprovePush ? () => CompleteQuietly(challenge.Id, SandboxChallengeOutcome.Approved) : null;

    /// <summary>Answers a challenge in the background, ignoring one that was answered meanwhile.</summary>
    private void CompleteQuietly(string challengeId, SandboxChallengeOutcome outcome)
    {
        lock (_gate)
        {
            if (!_challenges.TryGetValue(challengeId, out var challenge) || challenge.Outcome is not null)
            {
                return;
            }
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await CompleteAsync(challengeId, outcome, CancellationToken.None).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Answered by the test in the meantime.
            }
        });
    }

    private WeavrWebhookEvent Answer(PushChallengeState challenge, SandboxChallengeOutcome outcome, DateTimeOffset now)
    {
        var user = challenge.User;
        var callRef = Guid.NewGuid().ToString("N");
        switch (challenge.Kind)
        {
            case SandboxChallengeKind.PushEnrolment:
                var status = outcome == SandboxChallengeOutcome.Approved ? ScaFactorStatus.Active : ScaFactorStatus.Inactive;
                user.Factors[challenge.Channel.Value] = status;
                return new EnrolmentEvent
                {
                    CallRef = callRef,
                    PublishedAt = now,
                    CredentialId = user.Credential,
                    Type = challenge.Channel.Value,
                    Status = status,
                };

            case SandboxChallengeKind.BiometricLogin:
                Secret? authToken = null;
                if (outcome == SandboxChallengeOutcome.Approved)
                {
                    authToken = new Secret(IssueToken(TokenKind.Auth, user, challenge.Identity, NextLoginId(), fromBiometricLogin: true).Value);
                }

                return StepUpEvent(challenge, callRef, now, StepUpEventTypes.Biometric, outcome, authToken);

            default:
                if (outcome == SandboxChallengeOutcome.Approved && challenge.Token is { Revoked: false } token)
                {
                    token.SteppedUp = true;
                }

                // Weavr sends "authToken": "" for a verified push step-up: it steps the existing token up.
                var type = challenge.Channel == ScaChannel.Authy ? StepUpEventTypes.AuthyPush : StepUpEventTypes.Biometric;
                return StepUpEvent(challenge, callRef, now, type, outcome, outcome == SandboxChallengeOutcome.Approved ? new Secret(string.Empty) : null);
        }
    }

    private static StepUpEvent StepUpEvent(PushChallengeState challenge, string callRef, DateTimeOffset now, string type, SandboxChallengeOutcome outcome, Secret? authToken) =>
        new()
        {
            CallRef = callRef,
            PublishedAt = now,
            Credential = challenge.User.Credential,
            Identity = new WebhookIdentity(challenge.Identity.Type.Value, challenge.Identity.Id),
            ChallengeId = challenge.Id,
            Type = type,
            Status = outcome switch
            {
                SandboxChallengeOutcome.Approved => WebhookChallengeStatus.Verified,
                SandboxChallengeOutcome.Declined => WebhookChallengeStatus.Declined,
                _ => WebhookChallengeStatus.Expired,
            },
            AuthToken = authToken,
        };
}
