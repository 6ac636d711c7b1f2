namespace AuthClient.Webhooks.Internal;

/// <summary>
/// Lets at most one Warning per rejection reason through per interval and counts the rest, so a sender who needs no
/// key (anyone who can reach the endpoint, or who replays a captured delivery) cannot flood the log.
/// </summary>
/// <param name="timeProvider">The clock the interval is measured with.</param>
/// <param name="interval">The least time between two Warnings for the same reason.</param>
internal sealed class RejectionLogLimiter(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly object _sync = new();
    private readonly Dictionary<WebhookRejectionReason, Slot> _slots = [];

    /// <summary>Counts a rejection; returns <see langword="true"/> when it may be logged as a Warning.</summary>
    /// <param name="reason">Why the delivery was rejected.</param>
    /// <param name="suppressed">How many rejections for this reason were not logged as Warnings since the last one.</param>
    /// <returns><see langword="true"/> for the first rejection of a reason in the interval.</returns>
    public bool ShouldWarn(WebhookRejectionReason reason, out long suppressed)
    {
        var now = timeProvider.GetUtcNow();
        lock (_sync)
        {
            _slots.TryGetValue(reason, out var slot);
            slot.Total++;
            if (slot.LastWarning is { } last && now - last < interval)
            {
                slot.Suppressed++;
                _slots[reason] = slot;
                suppressed = 0;
                return false;
            }

            suppressed = slot.Suppressed;
            slot.Suppressed = 0;
            slot.LastWarning = now;
            _slots[reason] = slot;
            return true;
        }
    }

    /// <summary>Gets how many rejections of <paramref name="reason"/> were counted since start.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long Count(WebhookRejectionReason reason)
    {
        lock (_sync)
        {
            return _slots.TryGetValue(reason, out var slot) ? slot.Total : 0;
        }
    }

    private struct Slot
    {
        public long Total;
        public long Suppressed;
        public DateTimeOffset? LastWarning;
    }
}
