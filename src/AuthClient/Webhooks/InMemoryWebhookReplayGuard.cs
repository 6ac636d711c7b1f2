namespace AuthClient.Webhooks;

/// <summary>
/// The default <see cref="IWebhookReplayGuard"/>: a bounded, per-process set of call-refs, each forgotten once the
/// <see cref="TimeProvider"/> time is past its expiry. When full, the registration that expires soonest is dropped first
/// (only correctly signed deliveries are registered, so only Weavr's own traffic can fill it). Thread-safe.
/// </summary>
public sealed class InMemoryWebhookReplayGuard : IWebhookReplayGuard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);

    // Expiry order. A released or re-registered call-ref leaves a stale item behind, recognised because its expiry no longer
    // matches the entry, and skipped when dequeued.
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;

    /// <summary>Initializes a new instance of the <see cref="InMemoryWebhookReplayGuard"/> class.</summary>
    /// <param name="timeProvider">The clock deciding expiry.</param>
    /// <param name="capacity">The most call-refs held; default <see cref="WeavrWebhookDefaults.ReplayCacheCapacity"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public InMemoryWebhookReplayGuard(TimeProvider timeProvider, int capacity = WeavrWebhookDefaults.ReplayCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider;
        _capacity = capacity;
    }

    /// <summary>Gets the number of call-refs currently remembered (expired ones excluded).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                RemoveExpired(_timeProvider.GetUtcNow());
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>A registration holds up to and including <paramref name="expiresAt"/>.</remarks>
    public ValueTask<bool> TryRegisterAsync(string callRef, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callRef);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            RemoveExpired(_timeProvider.GetUtcNow());
            if (_entries.ContainsKey(callRef))
            {
                return ValueTask.FromResult(false);
            }

            while (_entries.Count >= _capacity && RemoveSoonestToExpire())
            {
            }

            _entries.Add(callRef, expiresAt);
            _expiries.Enqueue(callRef, expiresAt);
            if (_expiries.Count > (2 * _entries.Count) + 64)
            {
                RebuildExpiries();
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string callRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callRef);
        lock (_gate)
        {
            _entries.Remove(callRef);
        }

        return ValueTask.CompletedTask;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var callRef, out var expiresAt) && expiresAt < now)
        {
            _expiries.Dequeue();
            RemoveIfCurrent(callRef, expiresAt);
        }
    }

    private bool RemoveSoonestToExpire()
    {
        while (_expiries.TryDequeue(out var callRef, out var expiresAt))
        {
            if (RemoveIfCurrent(callRef, expiresAt))
            {
                return true;
            }
        }

        return false;
    }

    private bool RemoveIfCurrent(string callRef, DateTimeOffset expiresAt) =>
        _entries.TryGetValue(callRef, out var current) && current == expiresAt && _entries.Remove(callRef);

    private void RebuildExpiries()
    {
        _expiries.Clear();
        foreach (var (callRef, expiresAt) in _entries)
        {
            _expiries.Enqueue(callRef, expiresAt);
        }
    }
}
