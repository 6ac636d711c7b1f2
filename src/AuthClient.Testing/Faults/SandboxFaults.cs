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
