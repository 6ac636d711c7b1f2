using System.Buffers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>
/// Refit's content serializer for AuthClient's clients, working on bytes with the source-generated metadata of one
/// <see cref="JsonSerializerContext"/>. A request body is serialized once, straight to a <see cref="ByteArrayContent"/>
/// (its length known, nothing left to buffer); a response body, which <see cref="Http.Internal.AttemptHandler"/> has
/// already read whole, is parsed from those bytes in one synchronous pass. Refit's own System.Text.Json serializer
/// builds a streaming <c>JsonContent</c> that the pipeline then had to buffer, and reads every response through the
/// resumable stream reader (a parser that can stop mid-object, with its frames and argument caches), re-parsing the
/// <c>Content-Type</c> header for its charset: together about a third of a call's CPU in memory.
/// </summary>
/// <param name="context">The context whose metadata (and options: camel case, nulls omitted) every body uses.</param>
internal sealed class SourceGeneratedJsonSerializer(JsonSerializerContext context) : IHttpContentSerializer, ISynchronousContentSerializer, ISynchronousContentDeserializer
{
    private const string JsonMediaType = "application/json; charset=utf-8";

    // Only the reflection-free parts of Refit's serializer are used: property names for query strings and forms.
    private readonly SystemTextJsonContentSerializer _fallback = new(context.Options);

    /// <inheritdoc />
    public HttpContent ToHttpContent<T>(T item) => ToHttpContentSynchronous(item);

    /// <inheritdoc />
    public HttpContent ToHttpContentSynchronous<T>(T item)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, TypeInfo<T>()));

        // Added unparsed (a constant): a parsed MediaTypeHeaderValue would be built and formatted again on every call.
        content.Headers.TryAddWithoutValidation("Content-Type", JsonMediaType);
        return content;
    }

    /// <inheritdoc />
    public HttpContent ToStreamingHttpContent<T>(T item) => ToHttpContentSynchronous(item); // bodies are a few hundred bytes

    /// <inheritdoc />
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsUtf8(content) || content.Headers.ContentLength is not { } length || length > int.MaxValue)
        {
            // Another charset, or a body nobody buffered: the general reader transcodes and streams.
            return content.ReadFromJsonAsync(TypeInfo<T>(), cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Deserialize<T>(content, (int)length));
    }

    /// <inheritdoc />
    public T? DeserializeFromString<T>(string content) => JsonSerializer.Deserialize(content, TypeInfo<T>());

    /// <inheritdoc />
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => _fallback.GetFieldNameForProperty(propertyInfo);

    private T? Deserialize<T>(HttpContent content, int length)
    {
        // The content is buffered, so this stream is a view of bytes in memory: copied into a pooled array and parsed
        // from a span, without the resumable reader's state.
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            using (var stream = content.ReadAsStream())
            {
                stream.ReadExactly(bytes, 0, length);
            }

            return JsonSerializer.Deserialize(bytes.AsSpan(0, length), TypeInfo<T>());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Read without parsing the header: a missing charset or UTF-8 (JSON's default) is parsed from the bytes as they are.
    private static bool IsUtf8(HttpContent content)
    {
        if (!content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return true;
        }

        foreach (var value in values)
        {
            var charset = value.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (charset >= 0)
            {
                var name = value.AsSpan(charset + "charset=".Length).Trim().Trim('"');
                return name.StartsWith("utf-8", StringComparison.OrdinalIgnoreCase) || name.StartsWith("utf8", StringComparison.OrdinalIgnoreCase);
            }
        }

        return true;
    }

    private JsonTypeInfo<T> TypeInfo<T>() =>
        context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {context.GetType().Name}: add it as [JsonSerializable].");
}
