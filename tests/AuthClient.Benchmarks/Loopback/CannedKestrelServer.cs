using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthClient.Benchmarks.Loopback;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 (a free port) answering the measured Weavr calls with canned JSON: one
/// terminal delegate, no routing, no logging, so the server's cost is the same for every client measured against it
/// (the emulator would dilute the comparison). Counts the logins it answers and stamps the first one (for the cold start).
/// </summary>
internal sealed class CannedKestrelServer : IAsyncDisposable
{
    internal static readonly byte[] LoginBody = Encoding.UTF8.GetBytes(
        """{"token":"1f0e4b7a9c2d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"1"},"credentials":{"type":"ROOT","id":"2"}}""");

    internal static readonly byte[] IdentitiesBody = Encoding.UTF8.GetBytes(
        """{"identities":[{"id":{"type":"CONSUMER","id":"1"},"name":"Bench"}],"count":1,"responseCount":1}""");

    private readonly WebApplication _app;
    private long _logins;
    private long _connections;

    private CannedKestrelServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets the base URL, e.g. <c>http://127.0.0.1:40123/multi</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets how many TCP connections were accepted (a client that reuses its connections opens few).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Gets how many logins were answered.</summary>
    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>Called (on a server thread) each time a login is answered, just before its body is written.</summary>
    public Action? LoginAnswered { get; set; }

    public static async Task<CannedKestrelServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        CannedKestrelServer? server = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref server!._connections);
            return next(connection);
        })));
        var app = builder.Build();
        app.Run(context => server!.AnswerAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new CannedKestrelServer(app, new Uri(address.TrimEnd('/') + "/multi"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["request-ref"] = "loopback-request-ref";
        var path = request.Path.Value ?? string.Empty;
        if (HttpMethods.IsPost(request.Method) && path.EndsWith("/login_with_password", StringComparison.Ordinal) && request.Headers.ContainsKey("api-key"))
        {
            Interlocked.Increment(ref _logins);
            LoginAnswered?.Invoke();
            return WriteJsonAsync(response, LoginBody);
        }

        var bearer = request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);
        if (bearer && HttpMethods.IsGet(request.Method) && path.EndsWith("/identities", StringComparison.Ordinal))
        {
            return WriteJsonAsync(response, IdentitiesBody);
        }

        if (bearer && HttpMethods.IsPost(request.Method) && path.EndsWith("/stepup/challenges/otp/SMS/verify", StringComparison.Ordinal)
            && request.Headers.ContainsKey("idempotency-ref"))
        {
            // The body is read (as Weavr would) so an unread request body cannot flatter either client.
            return DrainThenNoContentAsync(context);
        }

        response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Task WriteJsonAsync(HttpResponse response, byte[] body)
    {
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length);
    }

    private static async Task DrainThenNoContentAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync().ConfigureAwait(false);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
