using System.Net;

namespace AuthClient.Testing.Tests.Support;

/// <summary>An in-memory receiver standing in for a TestServer's handler: keeps each request (URL, headers, body bytes)
/// and answers with the status the test chose, or throws what the test chose (as a TestServer surfaces an app's exception).</summary>
internal sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.NoContent, Exception? failure = null) : HttpMessageHandler
{
    private readonly List<(Uri Url, Dictionary<string, string> Headers, byte[] Body)> _requests = [];

    public IReadOnlyList<(Uri Url, Dictionary<string, string> Headers, byte[] Body)> Requests => _requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content!.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        _requests.Add((request.RequestUri!, headers, await request.Content.ReadAsByteArrayAsync(cancellationToken)));
        return failure is null ? new HttpResponseMessage(status) : throw failure;
    }
}
