using System.Diagnostics;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// The innermost handler of a client in the loopback probe: the wall time from the request entering the socket handler
/// to its response headers arriving, so a call's time splits into the transport's (the same for any client) and the
/// client's own, before and after it.
/// </summary>
internal sealed class TransportTimer : DelegatingHandler
{
    private readonly List<double> _times = [];

    /// <summary>A timer in front of <paramref name="inner"/>, or of whatever the client factory puts there.</summary>
    public TransportTimer(HttpMessageHandler? inner = null)
    {
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    /// <summary>The median transport time, in µs, since the last <see cref="Clear"/>.</summary>
    public double Median => _times.Count == 0 ? 0 : _times.Order().ElementAt(_times.Count / 2);

    /// <summary>Gets or sets whether calls are timed (only one caller at a time may be).</summary>
    public bool Recording { get; set; } = true;

    /// <summary>Forgets the times measured so far (the warm-up's).</summary>
    public void Clear() => _times.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Recording)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var start = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds); // one caller: never concurrent
        return response;
    }
}
