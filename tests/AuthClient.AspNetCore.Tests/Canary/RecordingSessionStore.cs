using System.Collections.Concurrent;
using AuthClient.Sessions;

namespace AuthClient.AspNetCore.Tests.Canary;

/// <summary>The in-memory session store, keeping every snapshot it was given so a test can serialize them all.</summary>
internal sealed class RecordingSessionStore : IWeavrSessionStore
{
    private readonly InMemoryWeavrSessionStore _inner = new();

    public ConcurrentQueue<WeavrSessionSnapshot> Saved { get; } = new();

    public ValueTask<WeavrSessionSnapshot?> GetAsync(string userKey, CancellationToken cancellationToken) => _inner.GetAsync(userKey, cancellationToken);

    public ValueTask SetAsync(string userKey, WeavrSessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        Saved.Enqueue(snapshot);
        return _inner.SetAsync(userKey, snapshot, cancellationToken);
    }

    public ValueTask RemoveAsync(string userKey, CancellationToken cancellationToken) => _inner.RemoveAsync(userKey, cancellationToken);
}
