using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace AuthClient.Tests.Support;

/// <summary>Servers and ports on 127.0.0.1 only: no test talks to anything else.</summary>
internal static class Loopback
{
    /// <summary>Starts a WireMock server bound to 127.0.0.1 on a free port.</summary>
    public static WireMockServer StartServer()
    {
        // WireMock's default binds every interface. A free port can be taken between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
            }
            catch (Exception) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens, so connecting is refused before anything is sent.</summary>
    public static Uri ClosedUrl(string path = "/multi") => new($"http://127.0.0.1:{FreePort()}{path}");

    /// <summary>The Weavr Multi base URL of <paramref name="server"/>.</summary>
    public static Uri MultiUrl(this WireMockServer server) => new(server.Url + "/multi");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
