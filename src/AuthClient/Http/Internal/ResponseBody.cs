#if !NET9_0_OR_GREATER
using System.Buffers;
#endif
using AuthClient.Errors;

namespace AuthClient.Http.Internal;

/// <summary>
/// Reads a response body whole inside the attempt (cancellable, at most
/// <see cref="Resilience.AuthClientResilienceOptions.MaxResponseBytes"/>), so a server that sends headers and then
/// stalls is bounded by the same timeouts as one that never answers, and a connection lost mid-body is a transport
/// failure the retry rule sees.
/// </summary>
internal static class ResponseBody
{
    /// <summary>Buffers <paramref name="response"/>'s body, or throws a typed error when it is too large.</summary>
    public static async Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(request, response, maxBytes);
        }

        try
        {
            await LoadAsync(request, response, content, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ResponseEnded(ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is IOException io && !cancellationToken.IsCancellationRequested)
        {
            throw ResponseEnded(io);
        }
    }

    // A reset or a close part-way through the body: no usable answer arrived, so it is a transport failure (retried
    // when the retry rule allows, otherwise "outcome unknown"), not "not the documented JSON".
    private static HttpRequestException ResponseEnded(IOException ex) =>
        new(HttpRequestError.ResponseEnded, "The connection ended part-way through the response body.", ex);

#if NET9_0_OR_GREATER
    // Buffered in place, cancellable: no second content, no copied headers.
    private static async Task LoadAsync(HttpRequestMessage request, HttpResponseMessage response, HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            await content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is null && !cancellationToken.IsCancellationRequested)
        {
            // The only failure without an inner exception is the size limit (a body without Content-Length).
            throw TooLarge(request, response, maxBytes);
        }
    }
#else
    private const int ChunkSize = 16 * 1024;

    // net8.0's LoadIntoBufferAsync takes no cancellation token: a stalled body would outlive every timeout, so the body
    // is read here and swapped in as a new content with the same headers.
    private static async Task LoadAsync(HttpRequestMessage request, HttpResponseMessage response, HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        byte[] body;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            body = declared is { } length
                ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                : await ReadToEndAsync(request, response, stream, maxBytes, cancellationToken).ConfigureAwait(false);
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

#endif

    private static AuthClientInvalidResponseException TooLarge(HttpRequestMessage request, HttpResponseMessage response, int maxBytes) =>
        new($"{Describe(request)} answered {(int)response.StatusCode} with a body larger than {maxBytes:N0} bytes (Resilience.MaxResponseBytes); it was not read.",
            response.StatusCode, CorrelationHeaders.ReadRequestRef(response), CorrelationHeaders.ReadIdempotencyRef(request), innerException: null);

    internal static string Describe(HttpRequestMessage request) => $"{request.Method.Method} {request.RequestUri?.AbsolutePath}";
}
