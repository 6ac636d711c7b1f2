using System.Text;

namespace AuthClient.Tests.Hardening;

/// <summary>The building blocks of the fault matrix: each is one way a server, proxy or network misbehaves.</summary>
internal static class Faults
{
    public static Fault Ok(EndpointKind kind) => Status(kind.SuccessStatus, kind.SuccessBody);

    public static Fault Status(int status, string body = "", params string[] headers) => async (c, _) =>
    {
        await c.RespondAsync(status, body, headers);
        return true;
    };

    /// <summary>Writes raw bytes, then closes (FIN), or resets (RST) when <paramref name="reset"/>.</summary>
    public static Fault Raw(string text, bool reset = false) => async (c, _) =>
    {
        await c.WriteAsync(text);
        End(c, reset);
        return false;
    };

    public static Fault Stall() => async (c, _) =>
    {
        await c.StallAsync();
        return false;
    };

    public static Fault HeadersThenStall(int status) => async (c, _) =>
    {
        await c.WriteAsync($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"tok");
        await c.StallAsync();
        return false;
    };

    public static Fault CloseWithoutAnswer(bool reset) => (c, _) =>
    {
        End(c, reset);
        return Task.FromResult(false);
    };

    public static Fault PartialBody(bool reset) =>
        Raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"token\":\"abc", reset);

    public static Fault PartialChunkedBody() =>
        Raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n{\"id\":\r\n", reset: true);

    public static Fault HugeBody(int status, bool chunked) => async (c, _) =>
    {
        const int size = 20 * 1024 * 1024;
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {size}";
        await c.WriteAsync($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n{framing}\r\n\r\n");
        var block = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        var chunkHeader = Encoding.ASCII.GetBytes($"{block.Length:X}\r\n");
        for (var sent = 0; sent < size; sent += block.Length)
        {
            await c.WriteAsync(chunked ? [.. chunkHeader, .. block, .. "\r\n"u8.ToArray()] : block);
        }

        return false;
    };

    public static Fault HugeHeader() =>
        Raw($"HTTP/1.1 200 OK\r\nX-Padding: {new string('a', 256 * 1024)}\r\nContent-Length: 2\r\n\r\n{{}}");

    public static Fault CloseDelimitedBody(EndpointKind kind) =>
        Raw($"HTTP/1.1 {kind.SuccessStatus} OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{kind.SuccessBody}");

    public static Fault ContinueThenOk(EndpointKind kind) => async (c, r) =>
    {
        await c.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n");
        return await Ok(kind)(c, r);
    };

    public static Fault TrickledBody(EndpointKind kind) => async (c, _) =>
    {
        var body = Encoding.UTF8.GetBytes(kind.SuccessBody);
        await c.WriteAsync($"HTTP/1.1 {kind.SuccessStatus} OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        foreach (var piece in body.Chunk(Math.Max(1, body.Length / 3)))
        {
            await c.WriteAsync(piece);
            await Task.Yield();
        }

        return true;
    };

    private static void End(ServerConnection c, bool reset)
    {
        if (reset)
        {
            c.Reset();
        }
        else
        {
            c.Close();
        }
    }
}
