using System.Globalization;

namespace AuthClient.Tests.Support;

/// <summary>
/// Counts the attempts that reach the network (added last, it sits inside the retry loop) even when no server answers:
/// a closed port, or a response still being delayed. It also stamps each attempt with <see cref="Header"/> so a
/// WireMock mapping can answer the first attempt differently from the next.
/// </summary>
internal sealed class AttemptCounter
{
    public const string Header = "x-test-attempt";

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(AttemptCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref counter._count);
            request.Headers.Remove(Header);
            request.Headers.TryAddWithoutValidation(Header, attempt.ToString(CultureInfo.InvariantCulture));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
