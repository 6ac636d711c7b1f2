using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuthClient.Tests.Hardening;

/// <summary>
/// A deliberately minimal HTTP/1.1 server on 127.0.0.1 over a raw <see cref="TcpListener"/>, so a test controls every
/// byte and every close: resets, stalls, truncated bodies, oversized headers, connections closed after reading a
/// request on a reused keep-alive connection. It records each request as read off the wire (headers, body, whether it
/// was chunked, which connection it came on). The <c>route</c> decides each answer.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<RecordedRequest, Fault> _route;
    private readonly object _gate = new(); // not Lock: the tests also run on net8.0
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<TaskCompletionSource> _stallWaiters = [];
    private readonly Task _acceptLoop;
    private int _connections;
    private int _stalls;

    public HostileServer(Func<RecordedRequest, Fault> route)
    {
        _route = route;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseUrl { get; }

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>Completes when the server has started its <paramref name="count"/>-th stall.</summary>
    public Task WaitForStallAsync(int count)
    {
        lock (_gate)
        {
            if (_stalls >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _stallWaiters.Add(waiter);
            return WaitAsync(waiter, count);
        }
    }

    internal void AnnounceStall()
    {
        List<TaskCompletionSource> waiters;
        lock (_gate)
        {
            _stalls++;
            waiters = [.. _stallWaiters];
            _stallWaiters.Clear();
        }

        waiters.ForEach(w => w.TrySetResult());
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task WaitAsync(TaskCompletionSource waiter, int count)
    {
        await waiter.Task;
        await WaitForStallAsync(count); // another stall may have been announced first
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connections);
            _ = ServeAsync(socket, number);
        }
    }

    private async Task ServeAsync(Socket socket, int number)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var connection = new ServerConnection(socket, stream, this, _stopping.Token);
        var reader = new RequestReader(stream);
        try
        {
            while (await reader.ReadAsync(number, _stopping.Token) is { } request)
            {
                lock (_gate)
                {
                    _requests.Add(request);
                }

                if (!await _route(request)(connection, request))
                {
                    return;
                }
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested || !socket.Connected)
        {
        }
        catch (IOException)
        {
            // The client gave up mid-answer (a huge body refused, a timeout): expected in these tests.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads HTTP/1.1 requests off a stream: headers up to 64 KiB, then a Content-Length or chunked body.</summary>
    private sealed class RequestReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<RecordedRequest?> ReadAsync(int connection, CancellationToken cancellationToken)
        {
            var head = await ReadLineBlockAsync(cancellationToken);
            if (head is null)
            {
                return null;
            }

            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }

            var chunked = headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            var body = chunked
                ? await ReadChunkedAsync(cancellationToken)
                : await ReadExactlyAsync(headers.TryGetValue("content-length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0, cancellationToken);
            var target = requestLine[1];
            var query = target.IndexOf('?', StringComparison.Ordinal);
            return new RecordedRequest(connection, requestLine[0], query < 0 ? target : target[..query], headers, body, chunked);
        }

        private async Task<string?> ReadLineBlockAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                var end = span.IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    var text = Encoding.ASCII.GetString(span[..end]);
                    _start += end + 4;
                    return text;
                }

                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }
        }

        private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync(cancellationToken);
                var size = Convert.ToInt32(sizeLine.Split(';')[0], 16);
                if (size == 0)
                {
                    await ReadLineAsync(cancellationToken); // the empty line after the last chunk
                    return body.ToArray();
                }

                body.Write(await ReadExactlyAsync(size, cancellationToken));
                await ReadLineAsync(cancellationToken);
            }
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                var end = span.IndexOf("\r\n"u8);
                if (end >= 0)
                {
                    var text = Encoding.ASCII.GetString(span[..end]);
                    _start += end + 2;
                    return text;
                }

                if (!await FillAsync(cancellationToken))
                {
                    throw new IOException("The client closed mid-request.");
                }
            }
        }

        private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var bytes = new byte[count];
            var copied = 0;
            while (copied < count)
            {
                if (_end == _start && !await FillAsync(cancellationToken))
                {
                    throw new IOException("The client closed mid-body.");
                }

                var take = Math.Min(count - copied, _end - _start);
                _buffer.AsSpan(_start, take).CopyTo(bytes.AsSpan(copied));
                _start += take;
                copied += take;
            }

            return bytes;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new IOException("Request headers too large for the test server.");
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _end += read;
            return read > 0;
        }
    }
}
