namespace AuthClient.Testing.Fakes.Internal;

/// <summary>The calls a fake received, in order; safe to add to from several threads while a test reads a snapshot.</summary>
/// <typeparam name="TCall">The call record.</typeparam>
internal sealed class FakeCallLog<TCall>
{
    private readonly object _gate = new();
    private readonly List<TCall> _calls = [];

    public void Add(TCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public IReadOnlyList<TCall> Snapshot()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }
}
