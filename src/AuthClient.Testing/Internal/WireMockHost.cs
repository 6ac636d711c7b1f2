using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace AuthClient.Testing.Internal;

/// <summary>
/// Serves the engine over real HTTP on 127.0.0.1 with WireMock.Net: one catch-all mapping whose callback asks the
/// engine, plus a small middleware in front of WireMock's that can abort the connection (a real dropped connection)
/// and run work once the response has been sent.
/// </summary>
internal sealed class WireMockHost : IDisposable
{
    private const string DroppedMarker = "x-sandbox-connection-dropped";
    private static readonly AsyncLocal<RequestScope?> CurrentScope = new();
    private readonly SandboxEngine _engine;
    private readonly WireMockServer _server;

    public WireMockHost(SandboxEngine engine, int port, int requestLogLimit)
    {
        _engine = engine;
        try
        {
            _server = StartServer(port, requestLogLimit);
        }
        catch (WireMock.Exceptions.WireMockException ex)
        {
            var reason = ex.GetBaseException().Message;
            throw new InvalidOperationException($"The sandbox could not listen on 127.0.0.1:{port}: {reason}", ex);
        }

        _server
            .Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(HandleAsync));

        // WireMock reports a fixed port as "localhost"; the sandbox promises (and binds) the IPv4 loopback address.
        Port = _server.Port;
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");
    }

    public string Url { get; }

    public int Port { get; }

    public IReadOnlyList<SandboxRequestLogEntry> RequestLog =>
        [.. _server.LogEntries.Where(e => e.RequestMessage is not null).Select(ToEntry)];

    public void ClearRequestLog() => _server.ResetLogEntries();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static WireMockServer StartServer(int port, int requestLogLimit) =>
        WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")],
            StartAdminInterface = false,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            DisableDeserializeFormUrlEncoded = true,
            AllowBodyForAllHttpMethods = true,
            MaxRequestLogCount = requestLogLimit,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ScopeMiddlewareAsync),
        });

    private static async Task ScopeMiddlewareAsync(HttpContext context, Func<Task> next)
    {
        var scope = new RequestScope { Aborted = context.RequestAborted };
        CurrentScope.Value = scope;
        context.Response.OnCompleted(static state =>
        {
            ((RequestScope)state).AfterSent?.Invoke();
            return Task.CompletedTask;
        }, scope);
        await next().ConfigureAwait(false);
        if (scope.Drop)
        {
            context.Abort(); // Nothing was written (the body is withheld), so the client sees the connection close.
        }
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var scope = CurrentScope.Value;
        var request = new SandboxRequest(
            message.Method,
            message.Path,
            name => First(message.Headers, name),
            name => First(message.Query, name),
            message.BodyAsBytes ?? []);
        var response = await _engine.HandleAsync(request, scope?.Aborted ?? CancellationToken.None).ConfigureAwait(false);
        if (scope is not null)
        {
            scope.Drop = response.DropConnection;
            scope.AfterSent = response.AfterSent;
        }
        else if (response.AfterSent is { } afterSent)
        {
            _ = Task.Run(afterSent);
        }

        return ToMessage(response);
    }

    private static ResponseMessage ToMessage(SandboxResponse response)
    {
        var message = new ResponseMessage { StatusCode = response.StatusCode };
        if (response.DropConnection)
        {
            message.AddHeader(DroppedMarker, "true");
        }
        else if (response.Body is not null)
        {
            message.BodyData = new BodyData { BodyAsBytes = response.Body, DetectedBodyType = BodyType.Bytes };
            message.AddHeader("Content-Type", response.ContentType ?? SandboxResponse.JsonContentType);
        }

        foreach (var (name, value) in response.Headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }

    private static string? First(IDictionary<string, WireMockList<string>>? values, string name)
    {
        if (values is null)
        {
            return null;
        }

        if (values.TryGetValue(name, out var list))
        {
            return list.Count > 0 ? list[0] : null;
        }

        foreach (var (key, value) in values)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value.Count > 0 ? value[0] : null;
            }
        }

        return null;
    }

    private static SandboxRequestLogEntry ToEntry(WireMock.Logging.ILogEntry entry)
    {
        var request = entry.RequestMessage!;
        var response = entry.ResponseMessage;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers is not null)
        {
            foreach (var (name, values) in request.Headers)
            {
                headers[name] = string.Join(", ", values);
            }
        }

        var body = request.BodyAsBytes is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : null;
        return new SandboxRequestLogEntry
        {
            Timestamp = request.DateTime,
            Method = request.Method,
            Path = request.Path,
            Query = request.RawQuery?.TrimStart('?') ?? string.Empty,
            Headers = headers,
            Body = body,
            StatusCode = response?.StatusCode is { } status ? Convert.ToInt32(status, CultureInfo.InvariantCulture) : 0,
            RequestRef = First(response?.Headers, "request-ref"),
            ConnectionDropped = First(response?.Headers, DroppedMarker) is not null,
        };
    }
}
