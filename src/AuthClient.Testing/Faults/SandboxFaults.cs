using AuthClient.Testing.Internal;

namespace AuthClient.Testing.Faults;

/// <summary>
/// Injects faults into the next requests the sandbox receives, before any emulation runs:
/// <c>sandbox.Faults.Next(2).RespondWith(503)</c>, <c>.RateLimit(TimeSpan.FromSeconds(1))</c>, <c>.Delay(...)</c>,
/// <c>.DropConnection()</c>, optionally scoped with <see cref="SandboxFaultBuilder.OnPath"/>. Rules apply in the order
/// they were added; each is used up after its count.
/// </summary>
public sealed class SandboxFaults
{
    private readonly List<FaultRule> _rules = [];
    private readonly List<TaskCompletionSource> _heldWaiters = [];
    private int _held;

    internal SandboxFaults()
    {
    }

    /// <summary>Gets the number of fault responses still queued (summed over rules).</summary>
    public int Pending
    {
        get
        {
            lock (_rules)
            {
                return _rules.Sum(r => r.Remaining);
            }
        }
    }

    /// <summary>Gets the number of requests a <see cref="SandboxFaultBuilder.Delay"/> fault is holding right now.</summary>
    public int HeldRequests => Volatile.Read(ref _held);

    /// <summary>Waits until a <see cref="SandboxFaultBuilder.Delay"/> fault holds a request (returns at once if one is held).
    /// With a fake clock, advance it only after this: the delay is measured from when the request arrived.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when a request is held.</returns>
    public Task WaitForHeldRequestAsync(CancellationToken cancellationToken = default)
    {
        lock (_heldWaiters)
        {
            if (_held > 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _heldWaiters.Add(waiter);
            return cancellationToken.CanBeCanceled ? waiter.Task.WaitAsync(cancellationToken) : waiter.Task;
        }
    }

    /// <summary>Starts a fault for the next <paramref name="count"/> matching requests.</summary>
    /// <param name="count">How many requests the fault hits (1 or more).</param>
    /// <returns>A builder: scope it, then choose the fault.</returns>
    public SandboxFaultBuilder Next(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new SandboxFaultBuilder(this, count);
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    internal void Add(FaultRule rule)
    {
        lock (_rules)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Called once the delay timer exists, so a test that then advances a fake clock cannot miss it.</summary>
    internal void OnHeld()
    {
        lock (_heldWaiters)
        {
            _held++;
            foreach (var waiter in _heldWaiters)
            {
                waiter.TrySetResult();
            }

            _heldWaiters.Clear();
        }
    }

    internal void OnReleased()
    {
        lock (_heldWaiters)
        {
            _held--;
        }
    }

    internal FaultRule? TryTake(string method, string path)
    {
        lock (_rules)
        {
            if (_rules.Count == 0)
            {
                return null;
            }

            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                if (--rule.Remaining == 0)
                {
                    _rules.RemoveAt(i);
                }

                return rule;
            }

            return null;
        }
    }
}
