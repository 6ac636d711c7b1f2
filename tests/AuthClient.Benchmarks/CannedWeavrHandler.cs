using System.Net;
using System.Text;

namespace AuthClient.Benchmarks;

/// <summary>
/// Answers the journey's five Weavr calls from memory, as the emulator would (same bodies and headers), so a benchmark
/// through it measures the SDK's own pipeline: validation, Refit, the handlers, Polly, System.Text.Json and error mapping
/// — no sockets, no server.
/// </summary>
internal sealed class CannedWeavrHandler : HttpMessageHandler
{
    private static readonly byte[] Login = Encoding.UTF8.GetBytes(
        """{"token":"1f0e4b7a9c2d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d","tokenType":"AUTH","identity":{"type":"CONSUMER","id":"1"},"credentials":{"type":"ROOT","id":"2"}}""");

    private static readonly byte[] Identities = Encoding.UTF8.GetBytes(
        """{"identities":[{"id":{"type":"CONSUMER","id":"1"},"name":"Bench"}],"count":1,"responseCount":1}""");

    private static readonly byte[] AccessToken = Encoding.UTF8.GetBytes(
        """{"token":"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f","identity":{"type":"CONSUMER","id":"1"},"credentials":{"type":"ROOT","id":"2"},"status":"STANDARD"}""");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = path switch
        {
            _ when path.EndsWith("/login_with_password", StringComparison.Ordinal) => Login,
            _ when path.EndsWith("/identities", StringComparison.Ordinal) => Identities,
            _ when path.EndsWith("/access_token", StringComparison.Ordinal) => AccessToken,
            _ when path.Contains("/stepup/challenges/otp/", StringComparison.Ordinal) => null,
            _ => throw new InvalidOperationException($"The canned handler has no answer for {path}."),
        };

        var response = new HttpResponseMessage(body is null ? HttpStatusCode.NoContent : HttpStatusCode.OK) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation("request-ref", "canned-request-ref");
        if (body is not null)
        {
            response.Content = new ByteArrayContent(body);
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return Task.FromResult(response);
    }
}
