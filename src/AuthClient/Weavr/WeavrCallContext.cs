using System.Net;
using AuthClient.Primitives;
using AuthClient.Weavr.Internal;

namespace AuthClient.Weavr;

/// <summary>
/// Per-call state that travels with one Weavr request through the handler pipeline (in
/// <see cref="HttpRequestMessage.Options"/>): what the caller supplies, and what the pipeline reports back.
/// Use one instance per call.
/// </summary>
public sealed class WeavrCallContext
{
    private string? _idempotencyRef;
    private bool _refGenerated;

    /// <summary>The <see cref="HttpRequestMessage.Options"/> key the context travels under.</summary>
    public const string OptionsKey = "AuthClient.WeavrCallContext";

    /// <summary>Gets or sets the bearer token for this call; when <see langword="null"/> the registered
    /// <see cref="Http.IWeavrTokenSource"/> is asked.</summary>
    public Secret? Token { get; set; }

    /// <summary>Gets or sets the <c>idempotency-ref</c> to send. On the seven operations that declare it, one is
    /// generated when this is <see langword="null"/>; it is the same on every retry of the call. On the other operations it
    /// is not sent, and the pipeline clears it. A ref the pipeline generated belongs to that one call: when the context
    /// is used again, a new one is generated (Weavr would otherwise treat the second operation as a replay of the first
    /// and never run it). To replay a call whose outcome is unknown, set the ref it reported here again.</summary>
    public string? IdempotencyRef
    {
        get => _idempotencyRef;
        set
        {
            _idempotencyRef = value;
            _refGenerated = false;
        }
    }

    /// <summary>Gets the <c>request-ref</c> the server returned (quote it to Weavr support).</summary>
    public string? RequestRef { get; internal set; }

    /// <summary>Gets the final HTTP status code.</summary>
    public HttpStatusCode? StatusCode { get; internal set; }

    /// <summary>Gets the number of attempts the call took (1 when it was not retried).</summary>
    public int Attempts { get; internal set; }

    /// <summary>Gets the operation the call targets, resolved once by the outermost handler (not on every attempt).</summary>
    internal WeavrEndpoint? Endpoint { get; set; }

    /// <summary>Gets a value indicating whether the call authenticates with the api key and its body alone (a client
    /// assertion or a one-time token): no bearer, not even the token source's ambient one.</summary>
    internal bool WithoutBearer { get; init; }

    /// <summary>
    /// Starts a call on this context: clears what the previous call reported and drops a ref the pipeline generated for
    /// it, keeping only a ref the caller set.
    /// </summary>
    internal void BeginCall()
    {
        if (_refGenerated)
        {
            _idempotencyRef = null;
            _refGenerated = false;
        }

        RequestRef = null;
        StatusCode = null;
        Attempts = 0;
    }

    /// <summary>Sets the ref the pipeline generated for this call.</summary>
    internal void UseGeneratedIdempotencyRef(string idempotencyRef)
    {
        _idempotencyRef = idempotencyRef;
        _refGenerated = true;
    }

    /// <summary>Reads the context attached to <paramref name="request"/>, if any.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The context, or <see langword="null"/>.</returns>
    public static WeavrCallContext? From(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(new HttpRequestOptionsKey<WeavrCallContext>(OptionsKey), out var context)
            ? context
            : null;
    }
}
