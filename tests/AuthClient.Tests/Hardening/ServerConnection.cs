using System.Net.Sockets;
using System.Text;

namespace AuthClient.Tests.Hardening;

/// <summary>The server side of one accepted connection, as a <see cref="Fault"/> sees it.</summary>
internal sealed class ServerConnection(Socket socket, NetworkStream stream, HostileServer server, CancellationToken stopping)
{
    public Task WriteAsync(string text) => WriteAsync(Encoding.ASCII.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes, stopping);
        await stream.FlushAsync(stopping);
    }

    /// <summary>Writes a complete response with a <c>Content-Length</c>.</summary>
    public Task RespondAsync(int status, string body = "", params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} Status{status}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (body.Length > 0)
        {
            head.Append("Content-Type: application/json\r\n");
        }

        head.Append($"Content-Length: {bytes.Length}\r\n\r\n");
        return WriteAsync([.. Encoding.ASCII.GetBytes(head.ToString()), .. bytes]);
    }

    /// <summary>Closes with a TCP reset (RST) instead of an orderly FIN.</summary>
    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Closes in order (FIN).</summary>
    public void Close() => socket.Close();

    /// <summary>Holds the connection open and silent until the server stops; the test sees the stall announced.</summary>
    public async Task StallAsync()
    {
        server.AnnounceStall();
        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
