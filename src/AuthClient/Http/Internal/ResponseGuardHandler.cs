using System.Buffers;
using AuthClient.DependencyInjection;
using AuthClient.Errors;
using Microsoft.Extensions.Options;

namespace AuthClient.Http.Internal;

/// <summary>
/// The innermost handler of both APIs, inside the per-attempt timeout: it reads the whole response body there
/// (cancellable, at most <see cref="Resilience.AuthClientResilienceOptions.MaxResponseBytes"/>), so a server that sends
/// headers and then stalls is bounded by the same timeouts as one that never answers, and a connection lost mid-body is
/// a transport failure the retry rule sees. It also refuses redirects and oversized headers as typed, unretried answers.
/// </summary>
/// <param name="options">The options of every programme.</param>
/// <param name="programme">Whose response size limit applies; empty for the unnamed registration.</param>
internal sealed class ResponseGuardHandler(IOptionsMonitor<AuthClientOptions> options, string programme = "") : DelegatingHandler
{
    private const int ChunkSize = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri;
        OutboundRequest.MarkSent(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw new AuthClientInvalidResponseException(
                $"{Describe(request)} answered with response headers larger than the client accepts; the server may have acted on it.",
                statusCode: null, requestRef: null, CorrelationHeaders.ReadIdempotencyRef(request), ex);
        }

        try
        {
            if ((int)response.StatusCode is >= 300 and < 400 || !SameOrigin(target, request.RequestUri))
            {
                throw Redirected(request, response);
            }

            await BufferAsync(request, response, options.Get(programme).Resilience.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(request, response, maxBytes);
        }

        byte[] body;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                body = declared is { } length
                    ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                    : await ReadToEndAsync(request, response, stream, maxBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A reset or a close part-way through the body: no usable answer arrived, so it is a transport failure
            // (retried when the retry rule allows, otherwise "outcome unknown"), not "not the documented JSON".
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection ended part-way through the response body.", ex);
        }

        var buffered = new ByteArrayContent(body);
        foreach (var header in content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        content.Dispose();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return [];
        }

        var body = new byte[length];
        var read = await stream.ReadAtLeastAsync(body, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == length
            ? body
            : throw new IOException($"The response ended after {read} of its {length} declared bytes.");
    }

    private static async Task<byte[]> ReadToEndAsync(HttpRequestMessage request, HttpResponseMessage response, Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var body = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw TooLarge(request, response, maxBytes);
                }

                body.Write(chunk, 0, read);
            }

            return body.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static AuthClientInvalidResponseException TooLarge(HttpRequestMessage request, HttpResponseMessage response, int maxBytes) =>
        new($"{Describe(request)} answered {(int)response.StatusCode} with a body larger than {maxBytes:N0} bytes (Resilience.MaxResponseBytes); it was not read.",
            response.StatusCode, CorrelationHeaders.ReadRequestRef(response), CorrelationHeaders.ReadIdempotencyRef(request), innerException: null);

    private static AuthClientRedirectException Redirected(HttpRequestMessage request, HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var host = location is { IsAbsoluteUri: true } ? location.Host : null;
        var where = host is null ? "no absolute Location" : $"Location host {host}";
        return new AuthClientRedirectException(
            $"{Describe(request)} answered {(int)response.StatusCode} {response.StatusCode} ({where}). Redirects are never followed, so nothing was sent there and the call was not retried; check the base URL.",
            response.StatusCode, host, CorrelationHeaders.ReadRequestRef(response), CorrelationHeaders.ReadIdempotencyRef(request));
    }

    // A primary handler supplied by the application may follow redirects itself; its answer is then from another host.
    private static bool SameOrigin(Uri? sent, Uri? answered) =>
        sent is null || answered is null || Uri.Compare(sent, answered, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Describe(HttpRequestMessage request) => $"{request.Method.Method} {request.RequestUri?.AbsolutePath}";
}
