using AuthClient.Sessions.Internal;
using AuthClient.Weavr.Models;
using AuthClient.Webhooks;
using Microsoft.Extensions.Options;

namespace AuthClient.Sessions;

/// <summary>
/// Matches webhook events to the sessions waiting for them: a <c>/stepup/watch</c> event completes the push step-up
/// or biometric sign-in with the same challenge id; an <c>/authentication_factors/watch</c> event completes the push
/// enrolment of the same credential and factor type (a biometric enrolment event never completes an Authy enrolment). Registered (once, as a singleton) as an <see cref="IWeavrWebhookEventSink"/> by
/// <c>AddSessions</c>, so the webhook receiver feeds it.
/// </summary>
/// <remarks>
/// A webhook can arrive before the answer of the POST that started the challenge has been read: such an event is kept
/// for <see cref="WeavrSessionOptions.EarlyEventRetention"/> and handed to the waiter that registers next. Duplicate
/// deliveries are ignored. The waiting happens in this process: with several instances, deliver every webhook to the
/// instance that started the challenge (or fan it out to all instances).
/// </remarks>
public sealed class PendingChallengeRegistry : IWeavrWebhookEventSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, PendingEvent<StepUpEvent>> _stepUps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingEvent<EnrolmentEvent>> _enrolments = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;

    /// <summary>Initializes a new instance of the <see cref="PendingChallengeRegistry"/> class.</summary>
    /// <param name="timeProvider">The clock for timeouts and for forgetting unclaimed events.</param>
    /// <param name="options">The session options.</param>
    public PendingChallengeRegistry(TimeProvider timeProvider, IOptions<WeavrSessionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _retention = options.Value.EarlyEventRetention;
    }

    /// <summary>Gets the number of challenges awaited or events buffered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _stepUps.Count + _enrolments.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask HandleAsync(WeavrWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        switch (webhookEvent)
        {
            case StepUpEvent { ChallengeId.Length: > 0 } stepUp:
                Deliver(_stepUps, stepUp.ChallengeId, stepUp);
                break;
            case EnrolmentEvent { CredentialId: { } credential, Type.Length: > 0 } enrolment:
                Deliver(_enrolments, EnrolmentKey(credential, enrolment.Type), enrolment);
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Completes when a session is waiting for the outcome of <paramref name="challengeId"/> (its timeout is running).
    /// Lets a test or an emulator deliver the webhook, or advance a fake clock, at the right moment.
    /// </summary>
    /// <param name="challengeId">The challenge id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the challenge is awaited.</returns>
    public Task WhenAwaitedAsync(string challengeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(challengeId);
        lock (_gate)
        {
            return GetOrAdd(_stepUps, challengeId).Awaited.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes when a session is waiting for the Authy push enrolment outcome of <paramref name="credential"/>.</summary>
    /// <param name="credential">The credential enrolling.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the enrolment is awaited.</returns>
    public Task WhenEnrolmentAwaitedAsync(CredentialId credential, CancellationToken cancellationToken = default) =>
        WhenFactorEnrolmentAwaitedAsync(credential, ScaChannel.Authy, cancellationToken);

    /// <summary>Completes when a session is waiting for the push enrolment outcome of <paramref name="credential"/> on <paramref name="channel"/>.</summary>
    /// <param name="credential">The credential enrolling.</param>
    /// <param name="channel">The factor enrolling, e.g. <see cref="ScaChannel.Authy"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the enrolment is awaited.</returns>
    public Task WhenFactorEnrolmentAwaitedAsync(CredentialId credential, ScaChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        lock (_gate)
        {
            return GetOrAdd(_enrolments, EnrolmentKey(credential, channel.Value)).Awaited.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Registers interest in a step-up/biometric challenge; an event that arrived earlier is handed over.</summary>
    internal PendingEventWaiter<StepUpEvent> ExpectStepUp(string challengeId)
    {
        lock (_gate)
        {
            Prune();
            var pending = GetOrAdd(_stepUps, challengeId);
            pending.Waiters++;
            return new PendingEventWaiter<StepUpEvent>(pending, () => Release(_stepUps, challengeId, pending), _timeProvider);
        }
    }

    /// <summary>Registers interest in a credential's push enrolment of <paramref name="channel"/> before it is started; a stale buffered event is dropped.</summary>
    internal PendingEventWaiter<EnrolmentEvent> ExpectEnrolment(CredentialId credential, ScaChannel channel)
    {
        var key = EnrolmentKey(credential, channel.Value);
        lock (_gate)
        {
            Prune();
            if (_enrolments.TryGetValue(key, out var stale) && stale.Waiters == 0 && stale.Outcome.Task.IsCompleted)
            {
                _enrolments.Remove(key);
            }

            var pending = GetOrAdd(_enrolments, key);
            pending.Waiters++;
            return new PendingEventWaiter<EnrolmentEvent>(pending, () => Release(_enrolments, key, pending), _timeProvider);
        }
    }

    // The credential and the factor type: an event for another factor of the same credential is not this enrolment's answer.
    private static string EnrolmentKey(CredentialId credential, string factorType) =>
        $"{credential.Type.Value}:{credential.Id}:{factorType.ToUpperInvariant()}";

    private void Deliver<TEvent>(Dictionary<string, PendingEvent<TEvent>> map, string key, TEvent webhookEvent)
    {
        lock (_gate)
        {
            Prune();

            // First delivery wins; a duplicate (same challenge delivered twice) is ignored.
            GetOrAdd(map, key).Outcome.TrySetResult(webhookEvent);
        }
    }

    private PendingEvent<TEvent> GetOrAdd<TEvent>(Dictionary<string, PendingEvent<TEvent>> map, string key)
    {
        if (!map.TryGetValue(key, out var pending))
        {
            pending = new PendingEvent<TEvent>(_timeProvider.GetUtcNow());
            map.Add(key, pending);
        }

        return pending;
    }

    private void Release<TEvent>(Dictionary<string, PendingEvent<TEvent>> map, string key, PendingEvent<TEvent> pending)
    {
        lock (_gate)
        {
            pending.Waiters--;
            if (pending.Waiters == 0 && map.TryGetValue(key, out var current) && ReferenceEquals(current, pending))
            {
                map.Remove(key);
            }
        }
    }

    // Forgets events nobody claimed (and probes nobody followed) once the retention has passed.
    private void Prune()
    {
        var cutoff = _timeProvider.GetUtcNow() - _retention;
        Prune(_stepUps, cutoff);
        Prune(_enrolments, cutoff);
    }

    private static void Prune<TEvent>(Dictionary<string, PendingEvent<TEvent>> map, DateTimeOffset cutoff)
    {
        List<string>? expired = null;
        foreach (var (key, pending) in map)
        {
            if (pending.Waiters == 0 && pending.CreatedAt <= cutoff)
            {
                (expired ??= []).Add(key);
            }
        }

        expired?.ForEach(key => map.Remove(key));
    }
}
